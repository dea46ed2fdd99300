import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * BrowserWindow options for the app window. Every flag from Electron's security checklist is
 * set explicitly (even where it is the default) so a future default change cannot weaken us and
 * the unit test can assert each one.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Kenal',
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
