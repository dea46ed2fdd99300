import type { BrowserContext, Page } from '@playwright/test';

/**
 * Headless Chromium cannot drive showDirectoryPicker, so the page gets a fake one returning an
 * in-memory folder (window.__kenalFolder: name -> text). Handle methods live on prototypes so
 * the handle survives structured cloning into IndexedDB, like a real one.
 */
export async function fakeDirectoryPicker(context: BrowserContext, folderName: string) {
  await context.addInitScript((label: string) => {
    const files = new Map<string, { content: string; lastModified: number }>();
    (window as unknown as { __kenalFolder: typeof files }).__kenalFolder = files;
    const notFound = () => new DOMException('not found', 'NotFoundError');
    class FileHandle {
      readonly kind = 'file';
      constructor(readonly name: string) {}
      async getFile() {
        const f = files.get(this.name);
        if (!f) throw notFound();
        return {
          size: f.content.length,
          lastModified: f.lastModified,
          text: async () => f.content,
        };
      }
      async createWritable() {
        let buffer = '';
        const name = this.name;
        return {
          write: async (data: string) => void (buffer += data),
          close: async () => void files.set(name, { content: buffer, lastModified: Date.now() }),
        };
      }
    }
    class DirectoryHandle {
      readonly kind = 'directory';
      readonly name = label;
      async *entries() {
        for (const name of [...files.keys()]) yield [name, new FileHandle(name)];
      }
      async getFileHandle(name: string, options?: { create?: boolean }) {
        if (!files.has(name) && !options?.create) throw notFound();
        return new FileHandle(name);
      }
      async removeEntry(name: string) {
        if (!files.delete(name)) throw notFound();
      }
      async queryPermission() {
        return 'granted';
      }
      async requestPermission() {
        return 'granted';
      }
    }
    (window as unknown as { showDirectoryPicker: unknown }).showDirectoryPicker = async () =>
      new DirectoryHandle();
  }, folderName);
}

export async function noDirectoryPicker(context: BrowserContext) {
  await context.addInitScript(() => {
    delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
  });
}

export function folderFiles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const files = (window as unknown as { __kenalFolder: Map<string, { content: string }> })
      .__kenalFolder;
    return Object.fromEntries([...files].map(([n, f]) => [n, f.content]));
  });
}

/** What a file-sync engine does: put files into this device's copy of the folder. */
export async function putFiles(page: Page, files: Record<string, string>) {
  await page.evaluate((entries) => {
    const folder = (
      window as unknown as {
        __kenalFolder: Map<string, { content: string; lastModified: number }>;
      }
    ).__kenalFolder;
    for (const [name, content] of Object.entries(entries)) {
      folder.set(name, { content, lastModified: Date.now() });
    }
  }, files);
}

/**
 * Pretend to be the desktop app: a fake preload bridge (window.kenalHost) whose folder methods
 * work on in-memory folders (window.__kenalDisk: folder -> name -> text), and whose openFile
 * returns window.__kenalNextOpen. Enough to see the desktop-only screens and flows.
 */
export async function fakeDesktopBridge(context: BrowserContext) {
  await context.addInitScript(() => {
    const disk = new Map<string, Map<string, string>>([['/app/backups', new Map()]]);
    const w = window as unknown as Record<string, unknown>;
    w.__kenalDisk = disk;
    const folder = (f: string) => {
      const d = disk.get(f);
      if (!d) throw new Error('folder was not chosen by the user');
      return d;
    };
    w.kenalHost = {
      getInfo: async () => ({ kind: 'electron', appVersion: '0.0.0', platform: 'linux' }),
      saveFile: async () => {
        w.__kenalSaveDialogs = ((w.__kenalSaveDialogs as number) ?? 0) + 1;
        return { saved: false };
      },
      openFile: async () => w.__kenalNextOpen ?? { status: 'cancelled' },
      openExternal: async () => undefined,
      notify: async () => undefined,
      onNotificationClick: () => () => undefined,
      setLanguage: async () => undefined,
      onMenuCommand: () => () => undefined,
      chooseFolder: async () => {
        disk.set('/home/ana/Backups', disk.get('/home/ana/Backups') ?? new Map());
        return { status: 'chosen', folder: '/home/ana/Backups', label: '/home/ana/Backups' };
      },
      useFolder: async ({ folder: f }: { folder: string }) =>
        disk.has(f) ? { status: 'ok', label: f } : { status: 'missing' },
      appDataFolder: async () => ({ status: 'ok', folder: '/app/backups' }),
      listFolder: async ({ folder: f }: { folder: string }) =>
        [...folder(f)].map(([name, c]) => ({ name, size: c.length, mtimeMs: 1 })),
      readFolderFile: async ({ folder: f, name }: { folder: string; name: string }) => {
        const c = folder(f).get(name);
        return c === undefined
          ? { status: 'missing' }
          : { status: 'read', content: c, size: c.length };
      },
      writeFolderFile: async (a: { folder: string; name: string; content: string }) =>
        void folder(a.folder).set(a.name, a.content),
      removeFolderFile: async (a: { folder: string; name: string }) =>
        void folder(a.folder).delete(a.name),
    };
  });
}

export function diskFolder(page: Page, folder: string): Promise<Record<string, string>> {
  return page.evaluate(
    (f) =>
      Object.fromEntries(
        (window as unknown as { __kenalDisk: Map<string, Map<string, string>> }).__kenalDisk.get(
          f,
        ) ?? [],
      ),
    folder,
  );
}
