/**
 * Which character encoding a file other software wrote is in, and its text. Excel and Outlook
 * save CSV as Windows-1252 by default, Japanese Windows as Shift_JIS, "Unicode text" as UTF-16;
 * read as UTF-8 those become "Jos� P�rez". The order of evidence:
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE) is certain;
 * 2. UTF-16 without a mark shows as NUL bytes in every other position;
 * 3. bytes that are valid UTF-8 (a fatal decode succeeds) are UTF-8: other encodings almost
 *    never produce valid multi-byte UTF-8 sequences by chance;
 * 4. otherwise jschardet (a port of Mozilla's detector) chooses between the legacy encodings we
 *    offer. The user sees the choice in the preview and can change it. jschardet is a megabyte
 *    of models, loaded only for such files, so the usual UTF-8 import does not wait for it.
 * Decoding is TextDecoder's, which knows every one of these.
 */
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

/**
 * The encoding when the bytes themselves say it (steps 1-3 above), or undefined when only the
 * legacy detector can tell (detectLegacyEncoding).
 */
export function detectUnicode(bytes: Uint8Array): TextEncodingName | undefined {
  return bomOf(bytes) ?? utf16WithoutBom(bytes) ?? (isUtf8(bytes) ? 'utf-8' : undefined);
}

/** Windows-1252 or Shift_JIS, as jschardet reads a sample of the file (step 4 above). */
export async function detectLegacyEncoding(bytes: Uint8Array): Promise<TextEncodingName> {
  // Cut the sample at a line end so no character is split at the edge.
  let end = Math.min(bytes.length, SAMPLE);
  if (end < bytes.length) {
    const nl = bytes.lastIndexOf(0x0a, end);
    if (nl > 0) end = nl;
  }
  const { default: jschardet } = await import('jschardet');
  const guess = jschardet.detect(bytes.subarray(0, end), {
    detectEncodings: ['windows-1252', 'Shift_JIS'],
  });
  return /shift.?jis|cp932|sjis/i.test(guess.encoding ?? '') ? 'shift_jis' : 'windows-1252';
}

/** The encoding a file is most likely in (see the module comment for how it is decided). */
export async function detectEncoding(bytes: Uint8Array): Promise<TextEncodingName> {
  return detectUnicode(bytes) ?? detectLegacyEncoding(bytes);
}

/**
 * Windows-1252's 0x80-0x9F ("smart quotes", dashes, €). The rest is Latin-1. Decoded here because
 * Node's TextDecoder (20.x) reads "windows-1252" as Latin-1 and turns “VIP” into control codes;
 * the WHATWG table is short and fixed. 0 marks the five bytes the encoding leaves undefined.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) =>
      b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] || b : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The text of `bytes` in `encoding`, without a byte-order mark. Never throws: bad bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingName): string {
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(bytes)
      : new TextDecoder(encoding).decode(bytes);
  return text.replace(/^\uFEFF/, '');
}
