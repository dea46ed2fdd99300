/**
 * Which character encoding a file other software wrote is in, and its text. Excel and Outlook
 * save CSV as Windows-1252 by default, Japanese Windows as Shift_JIS, "Unicode text" as UTF-16;
 * read as UTF-8 those become "Jos� P�rez". The order of evidence:
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE) is certain;
 * 2. UTF-16 without a mark shows as NUL bytes in every other position;
 * 3. bytes that are valid UTF-8 (a fatal decode succeeds) are UTF-8: other encodings almost
 *    never produce valid multi-byte UTF-8 sequences by chance;
 * 4. otherwise jschardet (a port of Mozilla's detector) chooses between the legacy encodings we
 *    offer. The user sees the choice in the preview and can change it.
 * Decoding is TextDecoder's, which knows every one of these.
 */
import jschardet from 'jschardet';

export const TEXT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'shift_jis',
] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

const SAMPLE = 64 * 1024;

function bomOf(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd > half * 0.4 && even < half * 0.05) return 'utf-16le';
  if (even > half * 0.4 && odd < half * 0.05) return 'utf-16be';
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The encoding a file is most likely in (see the module comment for how it is decided). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = bomOf(bytes);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (isUtf8(bytes)) return 'utf-8';
  // Cut the sample at a line end so no character is split at the edge.
  let end = Math.min(bytes.length, SAMPLE);
  if (end < bytes.length) {
    const nl = bytes.lastIndexOf(0x0a, end);
    if (nl > 0) end = nl;
  }
  const guess = jschardet.detect(bytes.subarray(0, end), {
    detectEncodings: ['windows-1252', 'Shift_JIS'],
  });
  return /shift.?jis|cp932|sjis/i.test(guess.encoding ?? '') ? 'shift_jis' : 'windows-1252';
}

/** The text of `bytes` in `encoding`, without a byte-order mark. Never throws: bad bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}
