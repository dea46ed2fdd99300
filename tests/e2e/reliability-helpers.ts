/**
 * Helpers for the reliability end-to-end tests: a digest of everything in the app's IndexedDB
 * (read in the page, straight from IndexedDB), big generated files to import, and the contact
 * page's edit form.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateDemoBook } from '../../shared/demo/generate';
import { buildEnvelope, emptyTables, serializeEnvelope } from '../../shared/sync/envelope';

export interface DbDigest {
  /** Rows per object store. */
  counts: Record<string, number>;
  /** SHA-256 of every row of every store (in key order), except `meta`. */
  sha256: string;
}

/**
 * Counts and a checksum of every row of every table in the app's database ('kenal'), history
 * included. `meta` (the clock, the reminder window, sync cursors) is left out of the checksum:
 * the app writes it on its own while it starts; the user's data is everything else.
 */
export async function dbDigest(page: Page): Promise<DbDigest> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kenal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const stores = [...db.objectStoreNames].sort();
      const tx = db.transaction(stores, 'readonly');
      const read = <T>(req: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const counts: Record<string, number> = {};
      const parts: string[] = [];
      for (const name of stores) {
        const store = tx.objectStore(name);
        const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
        counts[name] = keys.length;
        if (name !== 'meta') parts.push(name, JSON.stringify(keys), JSON.stringify(values));
      }
      const bytes = new TextEncoder().encode(parts.join('\n'));
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return { counts, sha256: [...hash].map((b) => b.toString(16).padStart(2, '0')).join('') };
    } finally {
      db.close();
    }
  });
}

/** Every row of a store, for assertions on what the app wrote. */
export async function storeRows(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kenal');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
        req.onerror = () => reject(req.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** A Kenal file (sync or backup) of a generated book, written to a temp file; returns its path. */
export async function writeBookFile(
  kind: 'sync' | 'backup',
  contacts: number,
  sales: number,
  seed: number,
): Promise<string> {
  const book = generateDemoBook({ contacts, sales, now: Date.now(), seed });
  const tables = { ...emptyTables(), ...book };
  const envelope = await buildEnvelope({
    kind,
    schemaVersion: 1,
    app: 'kenal-e2e',
    deviceId: 'E2EE2EE2EE2EE2EE',
    exportedAt: new Date().toISOString(),
    since: null,
    tables,
  });
  const path = join(tmpdir(), `kenal-${kind}-${contacts}-${seed}-${Date.now()}.json`);
  await writeFile(path, serializeEnvelope(envelope));
  return path;
}

/** A CSV of `n` distinct customers (name, phone, e-mail, city). */
export async function writeContactsCsv(n: number): Promise<string> {
  const lines = ['Name,Phone,Email,City'];
  for (let i = 0; i < n; i++) {
    const phone = `0812${String(10_000_000 + i).padStart(8, '0')}`;
    lines.push(`Pelanggan ${i},${phone},p${i}@example.id,Kota ${i % 50}`);
  }
  const path = join(tmpdir(), `kenal-contacts-${n}-${Date.now()}.csv`);
  await writeFile(path, lines.join('\n'));
  return path;
}
