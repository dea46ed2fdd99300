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
import { customNamesIn } from '../../../../shared/contacts/vcard';
import { prepareRow, type PreparedRow } from '../../../../shared/contacts/import-rows';
import type { ImportFileKind } from '../../../../shared/contacts/file-kind';
import {
  detectLegacyEncoding,
  detectUnicode,
  type TextEncodingName,
} from '../../../../shared/text-encoding';
import type { WorkerRequest, WorkerResponse } from './protocol';

let source: { name: string; bytes: Uint8Array } | null = null;
let file: Extract<ImportFile, { ok: true }> | null = null;
let knownFields: string[] = [];

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

/**
 * Read the file (the first time, or again in the encoding the user picked). Synchronous when
 * the bytes say their encoding; only a legacy file waits for the detector to load.
 */
function parse(request: Extract<WorkerRequest, { type: 'parse' }>): Promise<void> | void {
  if (request.bytes) source = { name: request.name, bytes: request.bytes };
  if (request.knownFields) knownFields = request.knownFields;
  if (!source) {
    post({ type: 'parse-error', error: 'empty' });
    return;
  }
  const { name, bytes } = source;
  const chosen = request.encoding && file ? { kind: file.kind } : undefined;
  const encoding = request.encoding ?? detectUnicode(bytes);
  if (encoding) {
    read(name, bytes, encoding, chosen);
    return;
  }
  return detectLegacyEncoding(bytes).then((legacy) => read(name, bytes, legacy));
}

function read(
  name: string,
  bytes: Uint8Array,
  encoding: TextEncodingName,
  chosen?: { kind: ImportFileKind },
): void {
  const result = readImportFile(name, bytes, encoding, chosen);
  if (!result.ok) {
    file = null;
    post({
      type: 'parse-error',
      error: result.error,
      line: result.line,
      encoding: result.encoding,
    });
    return;
  }
  file = result;
  post({
    type: 'parsed',
    kind: result.kind,
    encoding: result.encoding,
    headers: result.kind === 'csv' ? result.headers : [],
    sample: result.kind === 'csv' ? result.rows.slice(0, 5) : [],
    rowCount: importFileSize(result),
    guess: result.kind === 'csv' ? guessMapping(result.headers, result.rows, knownFields) : [],
    customNames: result.kind === 'vcard' ? customNamesIn(result.contacts) : [],
  });
}

function prepare(request: Extract<WorkerRequest, { type: 'prepare' }>) {
  if (!file) return post({ type: 'prepared', rows: [] });
  const total = importFileSize(file);
  const out: PreparedRow[] = [];
  const options = {
    phoneRegion: request.phoneRegion,
    noteLabels: request.noteLabels,
    customFields: request.customFields,
  };
  for (let i = 0; i < total; i++) {
    out.push(prepareRow(rawContactAt(file, i, request.mapping), request.today, options));
    if (i % 2000 === 1999) post({ type: 'progress', done: i + 1, total });
  }
  post({ type: 'prepared', rows: out });
}

/** A parser bug must become "this file cannot be read", never a silent, stuck import. */
function failed(error: unknown) {
  console.error('contacts import worker', error);
  post({ type: 'parse-error', error: 'not-contacts' });
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const m = e.data;
  try {
    if (m.type === 'parse') void parse(m)?.catch(failed);
    else prepare(m);
  } catch (error) {
    failed(error);
  }
};
