/**
 * Sync file out: every change this device knows after its last export. "Changed since the last
 * export" cannot be `updatedAt > since`: a record merged in from device B keeps B's (possibly
 * older) stamps, yet must travel on to C. So every row a merge or restore writes also gets
 * `_localStamp` (renderer/db/local-fields.ts), a stamp of this device's clock issued in that
 * transaction; a sync export takes rows with `updatedAt > since` (own edits) or
 * `_localStamp > since` (what this device merged). `since` is this device's clock at the last
 * export, so both comparisons use one clock.
 */
import type { HlcStamp } from '../../../../shared/hlc';
import type { TableName } from '../../../../shared/schemas';
import {
  buildEnvelope,
  emptyTables,
  TABLE_NAMES,
  type FileKind,
  type KenalEnvelope,
  type Tables,
} from '../../../../shared/sync/envelope';
import { LOCAL_STAMP, toRecord, type Row } from '../../local-fields';
import { SCHEMA_VERSION } from '../../schema';
import { dataTables, LAST_EXPORT_KEY, tableOf, type SyncContext } from './context';

export interface SyncExport {
  envelope: KenalEnvelope;
  /** Pass to markExported once the file is safely written. */
  exportStamp: HlcStamp;
}

/** Every table as synced records: all rows, or those changed (or merged here) after `since`. */
export async function readTables(ctx: SyncContext, since: HlcStamp | null): Promise<Tables> {
  const tables = emptyTables() as unknown as Record<TableName, Row[]>;
  for (const t of TABLE_NAMES) {
    const table = tableOf(ctx.db, t);
    let rows: Row[];
    if (since === null) {
      rows = await table.toArray();
    } else {
      const byId = new Map<string, Row>();
      for (const r of await table.where('updatedAt').above(since).toArray()) byId.set(r.id, r);
      for (const r of await table.where(LOCAL_STAMP).above(since).toArray()) byId.set(r.id, r);
      rows = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    }
    tables[t] = rows.map((r) => toRecord(t, r));
  }
  return tables as unknown as Tables;
}

export function envelopeOf(
  { clock, now }: SyncContext,
  kind: FileKind,
  app: string,
  since: HlcStamp | null,
  tables: Tables,
): Promise<KenalEnvelope> {
  return buildEnvelope({
    kind,
    schemaVersion: SCHEMA_VERSION,
    app,
    deviceId: clock.deviceId,
    exportedAt: now().toISOString(),
    since,
    tables,
  });
}

export function exportOperations(ctx: SyncContext) {
  const { db, clock } = ctx;
  return {
    /**
     * Every change this device knows after its last export (its own and those it merged), or
     * everything with `full`. Call markExported(exportStamp) once the file is written.
     */
    async exportSync(
      app: string,
      options: { full?: boolean; since?: HlcStamp | null } = {},
    ): Promise<SyncExport> {
      const { tables, since, exportStamp } = await db.transaction(
        'rw',
        [...dataTables(db), db.meta],
        async () => {
          const last = await db.meta.get(LAST_EXPORT_KEY);
          // An explicit `since` (the sync folder keeps its own cursor) leaves the file cursor alone.
          const since =
            options.since !== undefined
              ? options.since
              : options.full || !last
                ? null
                : (last.value as HlcStamp);
          const tables = await readTables(ctx, since);
          return { tables, since, exportStamp: await clock.stamp() };
        },
      );
      return { envelope: await envelopeOf(ctx, 'sync', app, since, tables), exportStamp };
    },

    async markExported(stamp: HlcStamp): Promise<void> {
      await db.transaction('rw', db.meta, async () => {
        const last = await db.meta.get(LAST_EXPORT_KEY);
        if (!last || last.value < stamp) await db.meta.put({ key: LAST_EXPORT_KEY, value: stamp });
      });
    },

    async lastExport(): Promise<HlcStamp | undefined> {
      return (await db.meta.get(LAST_EXPORT_KEY))?.value as HlcStamp | undefined;
    },
  };
}
