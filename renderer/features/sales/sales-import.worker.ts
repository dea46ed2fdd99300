/**
 * Imports a sales CSV off the main thread, so a million rows never freeze the window: parse,
 * validate every row (any bad row stops the import before anything is written), then write
 * everything in one transaction through the loyalty repository, reporting progress.
 */
import Papa from 'papaparse';
import { mapSaleRow, SaleCollector, type RowError } from '../../../shared/loyalty/sales-import';
import { openRepositories } from '../../db';
import { ImportCancelledError } from '../../db/repositories/loyalty';
import type { FromWorker, ToWorker } from './sales-import-messages';

/** The worker's global scope; typed by hand because the app compiles with the DOM lib. */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
};
const MAX_REPORTED_ERRORS = 20;
let cancelled = false;

const send = (m: FromWorker) => scope.postMessage(m);

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    return;
  }
  void run(msg).catch((err: unknown) => {
    if (err instanceof ImportCancelledError) send({ type: 'cancelled' });
    else send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});

async function run(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const text = await msg.file.text();
  const total = text.length;
  const collector = new SaleCollector();
  const errors: RowError[] = [];
  let errorCount = 0;
  let line = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (results) => {
      line++;
      if (line === 1) return; // the header
      const r = mapSaleRow(results.data, msg.mapping, msg.order, line);
      if (r.ok) collector.add(r.sale);
      else {
        errorCount++;
        if (errors.length < MAX_REPORTED_ERRORS) errors.push(r.error);
      }
      if (line % 20_000 === 0) {
        send({ type: 'progress', phase: 'reading', done: results.meta.cursor, total });
      }
    },
  });
  errorCount += collector.errors.length;
  errors.push(...collector.errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - errors.length)));
  if (errorCount > 0) {
    send({ type: 'rowErrors', errors, count: errorCount });
    return;
  }
  if (collector.size === 0) {
    send({ type: 'empty' });
    return;
  }
  if (cancelled) throw new ImportCancelledError();
  const repos = await openRepositories(msg.dbName);
  try {
    const result = await repos.loyalty.importSales(
      collector.sales(),
      { awardPoints: msg.awardPoints },
      (done, all) => send({ type: 'progress', phase: 'writing', done, total: all }),
      () => cancelled,
    );
    send({ type: 'done', result });
  } finally {
    repos.db.close();
  }
}
