/**
 * What an opened file is, decided before any parsing: a CSV, a vCard, or something we must
 * refuse with a clear reason (a spreadsheet saved as .xlsx, a photo, an empty file).
 */
export type ImportFileKind = 'csv' | 'vcard';
export type ImportFileError = 'empty' | 'not-contacts' | 'too-large';

/** Files larger than this are refused before they are read (a 100,000-row CSV is ~15 MB). */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

/**
 * Whether decoded text is really a binary file (an .xlsx workbook is a zip: "PK"; a photo; a
 * PDF): those carry NULs or replacement characters. Checked on the first 4 KB.
 */
export function looksBinary(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  return (
    head.includes(String.fromCharCode(0)) ||
    head.startsWith('PK' + String.fromCharCode(3, 4)) ||
    head.startsWith('%PDF') ||
    (head.match(/\uFFFD/g)?.length ?? 0) > 8
  );
}

export function detectFileKind(
  name: string,
  content: string,
): { ok: true; kind: ImportFileKind } | { ok: false; error: ImportFileError } {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, error: 'empty' };
  if (looksBinary(text)) return { ok: false, error: 'not-contacts' };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (/^\s*BEGIN:VCARD/i.test(text)) return { ok: true, kind: 'vcard' };
  if (ext === 'vcf' || ext === 'vcard') return { ok: false, error: 'not-contacts' };
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv' || ext === undefined)
    return { ok: true, kind: 'csv' };
  return { ok: false, error: 'not-contacts' };
}
