/** Picks the HostApi adapter for where the renderer runs: Electron's bridge, or the browser. */
import type { HostApi } from '../../shared/host-api';
import { createElectronHost, findBridge } from './electron';
import { createWebHost } from './web';

export function createHost(win: Window = window): HostApi {
  const bridge = findBridge(win);
  return bridge ? createElectronHost(bridge) : createWebHost();
}
