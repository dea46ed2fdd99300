/**
 * Parses and validates an import file off the UI thread (shared/contacts/import-file.ts: the
 * encoding, papaparse or our vCard reader), then each row through the same rules as the contact
 * form. The file's bytes and parsed rows stay here between steps, so a 100,000-row file crosses
 * to the page only once, and another encoding picked in the preview is decoded here again.
 */
import { guessMapping } from '../../../../shared/contacts/import-mapping';
import {
  importFileSize,
  rawContactAt,
  readImportFile,
  type ImportFile,
} from '../../../../shared/contacts/import-file';
import { prepareRow, type PreparedRow } from '../../../../shared/contacts/import-rows';
import type { WorkerRequest, WorkerResponse } from './protocol';

let source: { name: string; bytes: Uint8Array } | null = null;
let file: Extract<ImportFile, { ok: true }> | null = null;

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

function parse(request: Extract<WorkerRequest, { type: 'parse' }>) {
  if (request.bytes) source = { name: request.name, bytes: request.bytes };
  if (!source) return post({ type: 'parse-error', error: 'empty' });
  const read = readImportFile(source.name, source.bytes, request.encoding, file?.kind);
  if (!read.ok) {
    file = null;
    return post({
      type: 'parse-error',
      error: read.error,
      line: read.line,
      encoding: read.encoding,
    });
  }
  file = read;
  post({
    type: 'parsed',
    kind: read.kind,
    encoding: read.encoding,
    headers: read.kind === 'csv' ? read.headers : [],
    sample: read.kind === 'csv' ? read.rows.slice(0, 5) : [],
    rowCount: importFileSize(read),
    guess: read.kind === 'csv' ? guessMapping(read.headers) : [],
  });
}

function prepare(request: Extract<WorkerRequest, { type: 'prepare' }>) {
  if (!file) return post({ type: 'prepared', rows: [] });
  const total = importFileSize(file);
  const out: PreparedRow[] = [];
  const options = { phoneRegion: request.phoneRegion, noteLabels: request.noteLabels };
  for (let i = 0; i < total; i++) {
    out.push(prepareRow(rawContactAt(file, i, request.mapping), request.today, options));
    if (i % 2000 === 1999) post({ type: 'progress', done: i + 1, total });
  }
  post({ type: 'prepared', rows: out });
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'parse') parse(m);
    else prepare(m);
  } catch (error) {
    // A parser bug must become "this file cannot be read", never a silent, stuck import.
    console.error('contacts import worker', error);
    post({ type: 'parse-error', error: 'not-contacts' });
  }
};
