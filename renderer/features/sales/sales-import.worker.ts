/**
 * Imports a sales CSV off the main thread, so a million rows never freeze the window: parse,
 * validate every row, then write everything in one transaction through the loyalty
 * repository, reporting progress. All-or-nothing mode stops at any refused row; "good rows"
 * mode sends the refused rows (as the file had them, with reasons) for review and writes the
 * good invoices after the user confirms.
 */
import Papa from 'papaparse';
import {
  mapSaleRow,
  SaleCollector,
  summarizeNotes,
  type RowError,
} from '../../../shared/loyalty/sales-import';
import { decodeText, detectEncoding } from '../../../shared/text-encoding';
import { isBlankRow } from '../../../shared/header-row';
import { openRepositories } from '../../db';
import { ImportCancelledError } from '../../db/errors';
import type { FromWorker, RejectedRow, ToWorker } from './sales-import-messages';

/** The worker's global scope; typed by hand because the app compiles with the DOM lib. */
const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
};
const MAX_REPORTED_ERRORS = 20;
let cancelled = false;
let confirmed: (() => void) | null = null;

const send = (m: FromWorker) => scope.postMessage(m);

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled = true;
    confirmed?.();
    return;
  }
  if (msg.type === 'confirm') {
    confirmed?.();
    return;
  }
  cancelled = false;
  void run(msg).catch((err: unknown) => {
    if (err instanceof ImportCancelledError) send({ type: 'cancelled' });
    else send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});

async function run(msg: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  // Excel saves CSV as Windows-1252, "Unicode text" as UTF-16: decoded as the preview showed.
  const bytes = new Uint8Array(await msg.file.arrayBuffer());
  const text = decodeText(bytes, msg.encoding ?? (await detectEncoding(bytes)));
  const total = text.length;
  const collector = new SaleCollector();
  const headerLine = msg.headerLine ?? 1;
  let line = 0;
  // Blank rows are skipped here, not by papaparse, so `line` is the row number Excel shows.
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (results) => {
      line++;
      if (line <= headerLine || isBlankRow(results.data)) return; // a title above the header
      collector.collect(mapSaleRow(results.data, msg.mapping, msg.order, line, msg.options));
      if (line % 20_000 === 0) {
        send({ type: 'progress', phase: 'reading', done: results.meta.cursor, total });
      }
    },
  });
  const { sales, errors, notes: allNotes } = collector.finish();
  // Skipped rows (walk-in sales, cancelled orders) and left-out values never stop an import.
  const notes = summarizeNotes(allNotes);
  if (errors.length > 0) {
    if (msg.mode !== 'good' || sales.length === 0) {
      send({
        type: 'rowErrors',
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        count: errors.length,
      });
      return;
    }
    send({
      type: 'review',
      sales: sales.length,
      notes,
      ...rejectedRows(text, errors, headerLine),
    });
    await new Promise<void>((resolve) => (confirmed = resolve));
    confirmed = null;
  }
  if (sales.length === 0) {
    send({ type: 'empty', notes });
    return;
  }
  if (cancelled) throw new ImportCancelledError();
  const repos = await openRepositories(msg.dbName);
  try {
    const result = await repos.loyalty.importSales(
      sales,
      { awardPoints: msg.awardPoints },
      (done, all) => send({ type: 'progress', phase: 'writing', done, total: all }),
      () => cancelled,
    );
    send({ type: 'done', result, notes });
  } finally {
    repos.db.close();
  }
}

/** The header and the refused rows as the file wrote them: a second pass picks them out. */
function rejectedRows(
  text: string,
  errors: RowError[],
  headerLine: number,
): { header: string[]; rejects: RejectedRow[] } {
  const byLine = new Map(errors.map((e) => [e.line, e]));
  const rejects: RejectedRow[] = [];
  let header: string[] = [];
  let line = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    step: (results) => {
      line++;
      if (line === headerLine) header = results.data;
      const error = byLine.get(line);
      if (error) rejects.push({ line, cells: results.data, error });
    },
  });
  return { header, rejects };
}
