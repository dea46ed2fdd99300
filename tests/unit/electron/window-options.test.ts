import { describe, expect, it } from 'vitest';
import { minimalMenuTemplate } from '../../../electron/menu';
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

describe('minimal menu', () => {
  const labelsOrRoles = (items: ReturnType<typeof minimalMenuTemplate>): string[] =>
    items.flatMap((item) => [
      String(item.role ?? item.label ?? item.type),
      ...(Array.isArray(item.submenu)
        ? item.submenu.map((sub) => String(sub.role ?? sub.label ?? sub.type))
        : []),
    ]);

  it('has no devtools or reload in the packaged app, but does in development', () => {
    expect(labelsOrRoles(minimalMenuTemplate('linux', true))).not.toContain('toggleDevTools');
    expect(labelsOrRoles(minimalMenuTemplate('linux', true))).not.toContain('reload');
    expect(labelsOrRoles(minimalMenuTemplate('linux', false))).toContain('toggleDevTools');
  });

  it('has the app menu on macOS only', () => {
    expect(labelsOrRoles(minimalMenuTemplate('darwin', true))[0]).toBe('appMenu');
    expect(labelsOrRoles(minimalMenuTemplate('win32', true))).not.toContain('appMenu');
  });
});
