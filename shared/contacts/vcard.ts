/**
 * vCard 2.1, 3.0 and 4.0 (RFC 2426 / 6350), as phones and Google Contacts write them: folded
 * lines, quoted-printable (Android's 2.1 export), "item1." groups (iPhone), TYPE params in every
 * spelling ("TEL;CELL:", "TEL;TYPE=cell,voice:", "TEL;TYPE=\"cell\":"), escaped ",;\n".
 */
import type { Contact } from '../schemas/contact';
import type { RawContact } from './import-rows';
import { phoneLabelFrom } from './import-values';

interface Property {
  name: string;
  params: Map<string, string[]>;
  value: string;
}

/** Undo line folding: a line starting with a space or tab continues the previous one. */
function unfold(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((l, i) => {
    const last = out[out.length - 1];
    if (last && /^[ \t]/.test(l)) last.text += l.slice(1);
    // Quoted-printable soft line break: "=" at the end continues on the next line as is.
    else if (
      last &&
      /;ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(last.text) &&
      last.text.endsWith('=')
    )
      last.text = last.text.slice(0, -1) + l;
    else out.push({ text: l, line: i + 1 });
  });
  return out;
}

/** Quoted-printable bytes ("=C3=A9") decoded as UTF-8, falling back to Latin-1. */
function decodeQuotedPrintable(value: string): string {
  // `u`: a character outside the BMP (an emoji) is one match, so encodeURIComponent never sees
  // half a surrogate pair; a lone surrogate is replaced rather than thrown on.
  const percent = value.replace(/=([0-9A-F]{2})|[^]/giu, (m, hex: string | undefined) =>
    hex ? `%${hex}` : encodeURIComponent(/^[\uD800-\uDFFF]$/.test(m) ? '\uFFFD' : m),
  );
  try {
    return decodeURIComponent(percent);
  } catch {
    return value.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
  }
}

function parseLine(text: string): Property | null {
  // The name and params end at the first ':' outside double quotes.
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') inQuotes = !inQuotes;
    else if (text[i] === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [nameWithGroup, ...rawParams] = text.slice(0, colon).split(';');
  const name = (nameWithGroup ?? '').replace(/^.*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    // vCard 2.1 bare params: "TEL;CELL;PREF:" mean TYPE=CELL, "QUOTED-PRINTABLE" an ENCODING.
    const key =
      eq < 0 ? (/^quoted-printable$/i.test(p) ? 'ENCODING' : 'TYPE') : p.slice(0, eq).toUpperCase();
    const values = (eq < 0 ? p : p.slice(eq + 1))
      .split(',')
      .map((v) => v.replace(/^"|"$/g, '').trim());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  let value = text.slice(colon + 1);
  if ((params.get('ENCODING') ?? []).some((e) => /quoted-printable/i.test(e)))
    value = decodeQuotedPrintable(value);
  return { name, params, value };
}

/** Split a structured value on unescaped ';' (or ','), then unescape. */
function splitValue(value: string, sep: ';' | ',' | null): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      cur += next === 'n' || next === 'N' ? '\n' : next;
      i++;
    } else if (ch === sep) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

const unescape = (value: string): string => splitValue(value, null).join('');

export type VCardParseResult =
  { ok: true; contacts: RawContact[] } | { ok: false; error: 'not-vcard' | 'empty' };

/** Every vCard in a .vcf file, as raw contacts to validate (shared/contacts/import-rows.ts). */
export function parseVCards(text: string): VCardParseResult {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, error: 'empty' };
  if (!/^BEGIN:VCARD/im.test(content)) return { ok: false, error: 'not-vcard' };
  const contacts: RawContact[] = [];
  let current: { raw: RawContact; n?: string[]; lines: string[] } | null = null;
  for (const { text: lineText, line } of unfold(content)) {
    if (/^BEGIN:VCARD\s*$/i.test(lineText)) {
      current = {
        raw: { line, name: '', phones: [], emails: [], tags: [], original: [] },
        lines: [],
      };
      continue;
    }
    if (!current) continue;
    if (/^END:VCARD\s*$/i.test(lineText)) {
      const { raw, n } = current;
      if (raw.name.trim() === '' && n) {
        // N is family;given;additional;prefix;suffix.
        raw.name = [n[3], n[1], n[2], n[0], n[4]].filter((s) => s && s.trim()).join(' ');
      }
      raw.original = [current.lines.join('\n')];
      contacts.push(raw);
      current = null;
      continue;
    }
    current.lines.push(lineText);
    const prop = parseLine(lineText);
    if (!prop) continue;
    const types = (prop.params.get('TYPE') ?? []).join(' ');
    const raw = current.raw;
    switch (prop.name) {
      case 'FN':
        raw.name = unescape(prop.value).trim();
        break;
      case 'N':
        current.n = splitValue(prop.value, ';');
        break;
      case 'TEL': {
        const number = prop.value.replace(/^tel:/i, '').trim();
        if (number) raw.phones.push({ label: phoneLabelFrom(types), raw: number });
        break;
      }
      case 'EMAIL':
        if (prop.value.trim()) raw.emails.push(unescape(prop.value).trim());
        break;
      case 'ADR': {
        // pobox;extended;street;locality(city);region;postal code;country
        const [, ext, street, city, region, postal, country] = splitValue(prop.value, ';');
        const address = [ext, street, region, postal, country]
          .filter((s) => s && s.trim())
          .join(', ');
        if (address && raw.address === undefined) raw.address = address;
        if (city && city.trim() && raw.city === undefined) raw.city = city.trim();
        break;
      }
      case 'BDAY':
        raw.birthday = prop.value.trim();
        break;
      case 'GENDER':
      case 'X-GENDER':
        raw.gender = splitValue(prop.value, ';')[0] ?? '';
        break;
      case 'NOTE':
        raw.note = unescape(prop.value);
        break;
      case 'CATEGORIES':
        raw.tags.push(
          ...splitValue(prop.value, ',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
    }
  }
  return { ok: true, contacts };
}

const escapeValue = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/,/g, '\\,').replace(/;/g, '\\;');

const VCARD_TEL_TYPES = {
  mobile: 'CELL',
  whatsapp: 'CELL',
  home: 'HOME',
  work: 'WORK',
  other: 'VOICE',
} as const;

/** Fold a content line at 75 octets-ish (characters; good enough for every reader we know). */
function fold(line: string): string {
  const out: string[] = [];
  for (let i = 0; i < line.length; i += 74) out.push((i === 0 ? '' : ' ') + line.slice(i, i + 74));
  return out.join('\r\n');
}

/** vCard 3.0, which Android, iPhone and Google Contacts all read. */
export function writeVCards(contacts: readonly Contact[]): string {
  const cards = contacts.map((c) => {
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${escapeValue(c.name)}`,
      `N:;${escapeValue(c.name)};;;`,
    ];
    for (const p of c.phones) lines.push(`TEL;TYPE=${VCARD_TEL_TYPES[p.label]}:${p.e164}`);
    for (const e of [c.email, ...(c.otherEmails ?? [])])
      if (e) lines.push(`EMAIL;TYPE=INTERNET:${e}`);
    if (c.address || c.city)
      lines.push(`ADR;TYPE=HOME:;;${escapeValue(c.address ?? '')};${escapeValue(c.city ?? '')};;;`);
    if (c.birthday) lines.push(`BDAY:${c.birthday}`);
    if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(escapeValue).join(',')}`);
    if (c.note) lines.push(`NOTE:${escapeValue(c.note)}`);
    lines.push('END:VCARD');
    return lines.map(fold).join('\r\n');
  });
  return cards.join('\r\n') + (cards.length > 0 ? '\r\n' : '');
}
