// An in-memory File System Access directory, as Chromium's showDirectoryPicker would return.
import type { FsDirectoryHandle } from '../../../renderer/host/web-folders';

const notFound = () => new DOMException('not found', 'NotFoundError');

export class MemoryDirectory {
  readonly kind = 'directory' as const;
  readonly files = new Map<string, { content: string; lastModified: number }>();
  permission: 'granted' | 'prompt' | 'denied' = 'granted';
  constructor(readonly name: string) {}

  handle(): FsDirectoryHandle {
    const files = this.files;
    const name = this.name;
    const permission = {
      get: () => this.permission,
      set: (p: MemoryDirectory['permission']) => (this.permission = p),
    };
    const fileHandle = (name: string) => ({
      kind: 'file' as const,
      name,
      async getFile() {
        const f = files.get(name);
        if (!f) throw notFound();
        return {
          size: f.content.length,
          lastModified: f.lastModified,
          text: async () => f.content,
        };
      },
      async createWritable() {
        let buffer = '';
        return {
          write: async (data: string) => void (buffer += data),
          // Like the browser: the file appears only on close().
          close: async () => void files.set(name, { content: buffer, lastModified: Date.now() }),
        };
      },
    });
    return {
      kind: 'directory',
      name,
      async *entries() {
        for (const name of [...files.keys()]) yield [name, fileHandle(name)];
      },
      async getFileHandle(name, options) {
        if (!files.has(name) && !options?.create) throw notFound();
        return fileHandle(name);
      },
      async removeEntry(name) {
        if (!files.delete(name)) throw notFound();
      },
      queryPermission: async () => permission.get(),
      requestPermission: async () => {
        if (permission.get() === 'prompt') permission.set('granted');
        return permission.get();
      },
    };
  }
}
