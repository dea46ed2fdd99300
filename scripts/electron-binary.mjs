/**
 * Finds the Electron executable WITHOUT requiring the 'electron' package: since electron 45
 * its index.js downloads the binary on first use (and throws a stack trace when it cannot).
 * Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/, and
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/. Plain JS so `npm start` (Node) and the
 * Electron test suite (TS) share it.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const NO_ELECTRON_REASON =
  'No Electron binary on this machine (electron >= 45 downloads it on first launch; no network here)';

const DEFAULT_EXECUTABLE = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

/**
 * @param {string} root the checkout (the folder holding node_modules)
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null} the executable's path, or null when it is not on disk
 */
export function findElectronBinary(root, env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  const named = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable =
    named ||
    DEFAULT_EXECUTABLE[/** @type {keyof typeof DEFAULT_EXECUTABLE} */ (process.platform)] ||
    'electron';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, executable)
    : named
      ? path.join(packageDir, 'dist', named)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
