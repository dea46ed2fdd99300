/**
 * Parses and validates an import file off the UI thread: papaparse for CSV, our vCard reader,
 * then each row through the same rules as the contact form. The parsed rows stay here between
 * the mapping step and validation, so a 100,000-row file crosses to the page only once.
 */
import Papa from 'papaparse';
import { guessMapping, rowToRaw } from '../../../../shared/contacts/import-mapping';
import {
  prepareRow,
  type PreparedRow,
  type RawContact,
} from '../../../../shared/contacts/import-rows';
import { parseVCards } from '../../../../shared/contacts/vcard';
import type { WorkerRequest, WorkerResponse } from './protocol';

let csvRows: string[][] = [];
let vcards: RawContact[] = [];
let kind: 'csv' | 'vcard' = 'csv';

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

function parse(text: string, fileKind: 'csv' | 'vcard') {
  kind = fileKind;
  csvRows = [];
  vcards = [];
  if (fileKind === 'vcard') {
    const r = parseVCards(text);
    if (!r.ok)
      return post({ type: 'parse-error', error: r.error === 'empty' ? 'empty' : 'not-contacts' });
    if (r.contacts.length === 0) return post({ type: 'parse-error', error: 'no-rows' });
    vcards = r.contacts;
    return post({
      type: 'parsed',
      kind,
      headers: [],
      sample: [],
      rowCount: vcards.length,
      guess: [],
    });
  }
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // Papaparse counts data rows from 0; people count lines from 1.
    return post({ type: 'parse-error', error: 'broken-quotes', line: (quoteError.row ?? 0) + 1 });
  }
  const [headers, ...rows] = result.data;
  if (!headers || headers.every((h) => h.trim() === ''))
    return post({ type: 'parse-error', error: 'empty' });
  if (rows.length === 0) return post({ type: 'parse-error', error: 'no-rows' });
  csvRows = rows;
  post({
    type: 'parsed',
    kind,
    headers,
    sample: rows.slice(0, 5),
    rowCount: rows.length,
    guess: guessMapping(headers),
  });
}

function prepare(request: Extract<WorkerRequest, { type: 'prepare' }>) {
  const total = kind === 'vcard' ? vcards.length : csvRows.length;
  const out: PreparedRow[] = [];
  for (let i = 0; i < total; i++) {
    // Spreadsheet row numbers: the header is row 1.
    const raw = kind === 'vcard' ? vcards[i]! : rowToRaw(csvRows[i]!, request.mapping, i + 2);
    out.push(prepareRow(raw, request.today));
    if (i % 2000 === 1999) post({ type: 'progress', done: i + 1, total });
  }
  post({ type: 'prepared', rows: out });
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'parse') parse(m.text, m.kind);
    else prepare(m);
  } catch (error) {
    // A parser bug must become "this file cannot be read", never a silent, stuck import.
    console.error('contacts import worker', error);
    post({ type: 'parse-error', error: 'not-contacts' });
  }
};
