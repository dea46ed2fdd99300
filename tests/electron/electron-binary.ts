/**
 * Finds the Electron executable WITHOUT requiring the 'electron' package: since electron 45
 * its index.js downloads the binary on first use, which must never happen inside a test run.
 * Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/, and
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const NO_ELECTRON_REASON =
  'No Electron binary on this machine (electron >= 45 downloads it on first launch; no network here)';

const DEFAULT_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export function findElectronBinary(root: string, env = process.env): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = named || DEFAULT_EXECUTABLE[process.platform] || 'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, executable)
    : named
      ? path.join(packageDir, 'dist', named)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
