/**
 * Main-process wiring only: every decision lives in a small module next to this file that is
 * unit-tested without Electron. Bundled to dist-electron/main.cjs (so __dirname is available).
 */
import * as path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron';
import { HOST_CHANNELS } from '../shared/host-api';
import { APP_SCHEME_PRIVILEGES, installAppProtocol } from './app-protocol';
import { appIndexUrl } from './app-url';
import { writeFileAtomic } from './atomic-write';
import { EVENT_CHANNELS } from './channels';
import { CONTENT_SECURITY_POLICY } from './csp';
import { createHostHandlers } from './host-handlers';
import { registerHandlers } from './ipc';
import { aboutDialogOptions, appMenuTemplate, createMenuDispatcher } from './menu';
import { menuLanguageForLocale, type MenuLanguage } from './menu-labels';
import { hardenWebContents, type NavigationPolicy } from './navigation';
import { createWriteTracker, installQuitGuard, trackHandlers } from './quit-guard';
import { denyAllPermissions, installRequestGuards } from './session-guards';
import { createWindowOptions } from './window-options';
import {
  initialWindowState,
  loadWindowState,
  trackWindowState,
  windowStatePath,
} from './window-state';

const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '../dist/renderer');
const appUrl = appIndexUrl();

// Before 'ready': the renderer's own scheme (electron/app-protocol.ts), instead of file://.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// Honour --user-data-dir explicitly (tests run isolated profiles); must precede the lock,
// which is scoped to the user-data folder.
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
if (userDataSwitch) app.setPath('userData', path.resolve(userDataSwitch));

let mainWindow: BrowserWindow | null = null;
// Writes in flight (backups, sync files, window state): quitting waits for them (bounded).
const writes = createWriteTracker();

const warn = (what: string, detail: string) => console.warn(`[kenal] blocked ${what}: ${detail}`);
const navigationPolicy: NavigationPolicy = {
  appUrl,
  openExternal: (url) => shell.openExternal(url),
  onBlocked: warn,
};

function createWindow(): BrowserWindow {
  const stateFile = windowStatePath(app.getPath('userData'));
  const options = createWindowOptions(preloadPath);
  const initial = initialWindowState(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
    { width: options.width ?? 1200, height: options.height ?? 800 },
  );
  const win = new BrowserWindow({ ...options, ...initial.bounds });
  trackWindowState(win, {
    file: stateFile,
    write: (file, data) => writeFileAtomic(file, data),
    track: (saving) => void writes.track(saving),
    onError: (error) => console.warn('[kenal] could not save the window state', error),
  });
  win.once('ready-to-show', () => {
    if (initial.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(appUrl);
  mainWindow = win;
  return win;
}

// The menu follows the renderer's language; until it says, the system's (set when ready:
// app.getLocale() is only reliable after 'ready' on Windows).
let menuLanguage: MenuLanguage = 'en';
const onMenuAction = createMenuDispatcher({
  showAbout: () => {
    const options = aboutDialogOptions(menuLanguage, app.getVersion());
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  },
  openDataFolder: () => void shell.openPath(app.getPath('userData')),
  toRenderer: (command) => {
    if (!mainWindow) return;
    focusWindow();
    mainWindow.webContents.send(EVENT_CHANNELS.menuCommand, command);
  },
});
function applyMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(process.platform, app.isPackaged, menuLanguage, onMenuAction),
    ),
  );
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Every renderer sandboxed, whatever its webPreferences say.
  app.enableSandbox();
  app.setAppUserModelId('id.kenal.app'); // Windows needs it for notifications.
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents: WebContents) =>
    hardenWebContents(contents, navigationPolicy),
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    installAppProtocol(
      {
        handle: (scheme, handler) => protocol.handle(scheme, handler),
        fetchFile: (url) => net.fetch(url),
      },
      rendererDir,
      CONTENT_SECURITY_POLICY,
    );
    denyAllPermissions(ses);
    installRequestGuards(ses.webRequest, CONTENT_SECURITY_POLICY, (url) => warn('request', url));
    menuLanguage = menuLanguageForLocale(app.getLocale());
    applyMenu();
    installQuitGuard(app, writes, {
      timeoutMs: 10_000,
      onTimeout: (pending) => console.warn(`[kenal] quitting with ${pending} write(s) unfinished`),
    });

    const handlers = createHostHandlers({
      appVersion: app.getVersion(),
      platform: process.platform,
      defaultSaveDir: app.getPath('documents'),
      showSaveDialog: (request) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, request) : dialog.showSaveDialog(request),
      showOpenDialog: (request) => {
        const options = { ...request, properties: ['openFile' as const] };
        return mainWindow
          ? dialog.showOpenDialog(mainWindow, options)
          : dialog.showOpenDialog(options);
      },
      openExternal: (url) => shell.openExternal(url),
      notifications: {
        isSupported: () => Notification.isSupported(),
        show: (options, onClick) => {
          const notification = new Notification(options);
          notification.on('click', onClick);
          notification.show();
        },
      },
      showFolderDialog: ({ title }) => {
        const options = {
          title,
          properties: ['openDirectory' as const, 'createDirectory' as const],
        };
        return mainWindow
          ? dialog.showOpenDialog(mainWindow, options)
          : dialog.showOpenDialog(options);
      },
      backupDir: path.join(app.getPath('userData'), 'backups'),
      onNotificationClick: (tag) => {
        focusWindow();
        mainWindow?.webContents.send(EVENT_CHANNELS.notificationClick, tag);
      },
      onLanguage: (language) => {
        if (language === menuLanguage) return;
        menuLanguage = language;
        applyMenu();
      },
    });
    registerHandlers(
      ipcMain,
      HOST_CHANNELS,
      trackHandlers(handlers, ['saveFile', 'writeFolderFile'], writes),
      {
        appUrl,
        mainFrame: () =>
          mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null,
        onRefused: (channel, reason) => warn(channel, reason),
      },
    );

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
