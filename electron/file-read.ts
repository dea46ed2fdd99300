/**
 * Bounded reading of a user-picked file: stat first and refuse large files before reading a
 * byte; then read at most maxBytes + 1 bytes, so a file that grew after the stat is refused too.
 */
import * as fsp from 'node:fs/promises';

export interface FileStat {
  size: number;
  isFile(): boolean;
}

export interface ReadFs {
  stat(file: string): Promise<FileStat>;
  /** The file's bytes, or null when it holds more than maxBytes. */
  readUpTo(file: string, maxBytes: number): Promise<Uint8Array | null>;
}

export const nodeReadFs: ReadFs = {
  stat: (file) => fsp.stat(file),
  readUpTo: async (file, maxBytes) => {
    const handle = await fsp.open(file, 'r');
    try {
      const chunks: Buffer[] = [];
      let total = 0;
      const chunkSize = 1024 * 1024;
      for (;;) {
        const buffer = Buffer.alloc(Math.min(chunkSize, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        chunks.push(buffer.subarray(0, bytesRead));
        total += bytesRead;
        if (total > maxBytes) return null;
      }
      return Buffer.concat(chunks, total);
    } finally {
      await handle.close();
    }
  },
};
