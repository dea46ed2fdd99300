/**
 * Reading a contacts file, from its bytes to raw contacts: the encoding (shared/text-encoding.ts),
 * what kind of file it is, then papaparse (CSV) or our vCard reader. The import worker runs
 * exactly this; the fixture tests run it too, so they test what the user gets.
 */
import Papa from 'papaparse';
import { decodeText, type TextEncodingName } from '../text-encoding';
import { detectFileKind, type ImportFileKind } from './file-kind';
import { findHeaderRow, nonBlankRows } from '../header-row';
import { guessColumn, rowToRaw, type ColumnMapping } from './import-mapping';
import type { RawContact } from './import-rows';
import { parseVCards } from './vcard';

export type ImportReadError = 'empty' | 'no-rows' | 'broken-quotes' | 'not-contacts';

export type ImportFile =
  | {
      ok: true;
      kind: 'csv';
      encoding: TextEncodingName;
      headers: string[];
      rows: string[][];
      /** Each row's number as a spreadsheet shows it (blank rows and a title above counted). */
      rowLines: number[];
    }
  | { ok: true; kind: 'vcard'; encoding: TextEncodingName; contacts: RawContact[] }
  | { ok: false; error: ImportReadError; line?: number; encoding: TextEncodingName };

/**
 * Read a file in an encoding (shared/text-encoding.ts detects it). When the user chose the
 * encoding in the preview, a file of odd characters is still read as `chosen.kind`: their call.
 */
export function readImportFile(
  name: string,
  bytes: Uint8Array,
  enc: TextEncodingName,
  chosen?: { kind: ImportFileKind },
): ImportFile {
  const text = decodeText(bytes, enc);
  const detected = detectFileKind(name, text);
  let kind: ImportFileKind;
  if (detected.ok) kind = detected.kind;
  else if (chosen && detected.error !== 'empty') kind = chosen.kind;
  else
    return {
      ok: false,
      error: detected.error === 'empty' ? 'empty' : 'not-contacts',
      encoding: enc,
    };

  if (kind === 'vcard') {
    const r = parseVCards(text);
    if (!r.ok)
      return { ok: false, error: r.error === 'empty' ? 'empty' : 'not-contacts', encoding: enc };
    if (r.contacts.length === 0) return { ok: false, error: 'no-rows', encoding: enc };
    return { ok: true, kind, encoding: enc, contacts: r.contacts };
  }
  // Blank rows are dropped after parsing, not by papaparse, so each row keeps its number.
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const quoteError = result.errors.find((e) => e.type === 'Quotes');
  // Papaparse counts data rows from 0; people count lines from 1.
  if (quoteError)
    return { ok: false, error: 'broken-quotes', line: (quoteError.row ?? 0) + 1, encoding: enc };
  const { rows: all, lines } = nonBlankRows(result.data);
  const headerRow = findHeaderRow(all, isKnownHeader);
  const headers = all[headerRow];
  const rows = all.slice(headerRow + 1);
  if (!headers || headers.every((h) => h.trim() === ''))
    return { ok: false, error: 'empty', encoding: enc };
  if (rows.length === 0) return { ok: false, error: 'no-rows', encoding: enc };
  return { ok: true, kind, encoding: enc, headers, rows, rowLines: lines.slice(headerRow + 1) };
}

/** A header the import knows a field for (not a column kept as the shop's own field). */
function isKnownHeader(header: string): boolean {
  const f = guessColumn(header).field;
  return f !== 'custom' && f !== 'ignore';
}

/** How many contacts the file holds (rows or cards). */
export function importFileSize(file: Extract<ImportFile, { ok: true }>): number {
  return file.kind === 'vcard' ? file.contacts.length : file.rows.length;
}

/** The i-th contact of the file as a RawContact (CSV rows through the column mapping). */
export function rawContactAt(
  file: Extract<ImportFile, { ok: true }>,
  i: number,
  mapping: readonly ColumnMapping[],
): RawContact {
  // Spreadsheet row numbers: the header is row 1.
  return file.kind === 'vcard'
    ? file.contacts[i]!
    : rowToRaw(file.rows[i]!, mapping, file.rowLines[i]!);
}
