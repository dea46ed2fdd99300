// One home for "where is the Electron binary": `npm start` (scripts/start.mjs) and this suite.
export { findElectronBinary, NO_ELECTRON_REASON } from '../../scripts/electron-binary.mjs';
