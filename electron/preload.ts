// Sandboxed preload: only 'electron' may be required at runtime; everything else is bundled.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from './channels';
import { createHostBridge } from './preload-api';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createHostBridge(ipcRenderer));
