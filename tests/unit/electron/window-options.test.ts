import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../electron/window-options';

describe('window options', () => {
  const options = createWindowOptions('/app/dist-electron/preload.cjs');

  it('sets every security flag of the Electron checklist', () => {
    expect(options.webPreferences).toMatchObject({
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
    });
    // Not set at all is as bad as set wrong: Blink features must not be switched on.
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('uses the given preload, a sensible minimum size, title Kenal, hidden until ready', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
    expect(options.title).toBe('Kenal');
    expect(options.show).toBe(false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(500);
  });
});
