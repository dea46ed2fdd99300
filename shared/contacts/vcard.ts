/**
 * vCard 2.1, 3.0 and 4.0 (RFC 2426 / 6350), as phones and Google Contacts write them: folded
 * lines, quoted-printable (Android's 2.1 export), "item1." groups (iPhone), TYPE params in every
 * spelling ("TEL;CELL:", "TEL;TYPE=cell,voice:", "TEL;TYPE=\"cell\":"), escaped ",;\n".
 */
import type { Contact, PhoneLabel } from '../schemas/contact';
import type { RawContact } from './import-rows';
import { PLAIN_LABEL } from './import-mapping';
import { phoneLabelFrom } from './import-values';
import {
  customNameKey,
  isKeepableVCardProperty,
  vCardFieldName,
  type CustomFieldDef,
} from './custom-fields';

interface Property {
  /** "item1" of "item1.TEL": iPhone ties a label (X-ABLabel) to a number this way. */
  group?: string;
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
    // Android encodes a line break in an address as =0D=0A: stored as one newline.
    return decodeURIComponent(percent).replace(/\r\n?/g, '\n');
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
  const [nameWithGroup = '', ...rawParams] = text.slice(0, colon).split(';');
  const dot = nameWithGroup.lastIndexOf('.');
  const name = nameWithGroup.slice(dot + 1).toUpperCase();
  const group = dot > 0 ? nameWithGroup.slice(0, dot).toLowerCase() : undefined;
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
  return { ...(group !== undefined && { group }), name, params, value };
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

/** iPhone's built-in labels come as "_$!<Mobile>!$_"; a custom one as typed ("Toko"). */
const abLabel = (v: string): string => v.replace(/^_\$!<(.*)>!\$_$/, '$1').trim();

/** BDAY as our import reads it: "--04-15" for a date without a year (Apple's 1604 form too). */
function birthdayValue(prop: Property): string {
  const v = prop.value.trim();
  const omit = prop.params.get('X-APPLE-OMIT-YEAR')?.[0];
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  if (m && omit !== undefined && m[1] === omit) return `--${m[2]}-${m[3]}`;
  return v;
}

interface CardState {
  raw: RawContact;
  n?: string[];
  lines: string[];
  labels: Map<string, string>;
  phoneGroups: (string | undefined)[];
  emailGroups: (string | undefined)[];
  notes: string[];
  addresses: { text: string; city?: string }[];
  custom: { property: string; group?: string; type: string | undefined; value: string }[];
}

function finishCard(card: CardState): RawContact {
  const { raw, n } = card;
  if (raw.name.trim() === '' && n) {
    // N is family;given;additional;prefix;suffix.
    raw.name = [n[3], n[1], n[2], n[0], n[4]].filter((s) => s && s.trim()).join(' ');
  }
  card.phoneGroups.forEach((g, i) => {
    const text = g === undefined ? undefined : card.labels.get(g);
    const phone = raw.phones[i]!;
    if (!text) return;
    phone.label = phoneLabelFrom(text);
    if (!PLAIN_LABEL.test(text)) phone.customLabel = text;
  });
  card.emailGroups.forEach((g, i) => {
    const text = g === undefined ? undefined : card.labels.get(g);
    if (text) (raw.emailLabels ??= []).push({ email: raw.emails[i]!, label: text });
  });
  if (card.notes.length > 0) raw.note = card.notes.join('\n');
  const [first, ...others] = card.addresses;
  if (first) {
    if (first.text) raw.address = first.text;
    if (first.city) raw.city = first.city;
  }
  const more = others.map((a) => [a.text, a.city].filter(Boolean).join(', ')).filter(Boolean);
  if (more.length > 0) raw.otherAddresses = more;
  for (const c of card.custom) {
    const label = c.group === undefined ? undefined : card.labels.get(c.group);
    (raw.custom ??= []).push({ name: vCardFieldName(c.property, label ?? c.type), value: c.value });
  }
  raw.original = [card.lines.join('\n')];
  return raw;
}

/** Every vCard in a .vcf file, as raw contacts to validate (shared/contacts/import-rows.ts). */
export function parseVCards(text: string): VCardParseResult {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return { ok: false, error: 'empty' };
  if (!/^BEGIN:VCARD/im.test(content)) return { ok: false, error: 'not-vcard' };
  const contacts: RawContact[] = [];
  let current: CardState | null = null;
  for (const { text: lineText, line } of unfold(content)) {
    if (/^BEGIN:VCARD\s*$/i.test(lineText)) {
      current = {
        raw: { line, name: '', phones: [], emails: [], tags: [], original: [] },
        lines: [],
        labels: new Map(),
        phoneGroups: [],
        emailGroups: [],
        notes: [],
        addresses: [],
        custom: [],
      };
      continue;
    }
    if (!current) continue;
    if (/^END:VCARD\s*$/i.test(lineText)) {
      contacts.push(finishCard(current));
      current = null;
      continue;
    }
    // A photo is kilobytes of base64 that no field keeps: not copied into `original`.
    if (!/^(item\d+\.)?PHOTO[;:]/i.test(lineText)) current.lines.push(lineText);
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
      case 'NICKNAME':
        raw.nickname ??= splitValue(prop.value, ',')[0]?.trim();
        break;
      case 'ORG':
        raw.organization ??= splitValue(prop.value, ';')
          .map((s) => s.trim())
          .filter(Boolean)
          .join(', ');
        break;
      case 'TITLE':
        raw.jobTitle ??= unescape(prop.value).trim();
        break;
      case 'URL':
        if (prop.value.trim()) (raw.websites ??= []).push(unescape(prop.value).trim());
        break;
      case 'X-ABLABEL':
        if (prop.group) current.labels.set(prop.group, abLabel(unescape(prop.value)));
        break;
      case 'TEL': {
        const typed = prop.params.get('X-KENAL-TYPED')?.join(',');
        const number = typed ?? unescape(prop.value).replace(/^tel:/i, '').trim();
        if (number) {
          // Samsung writes a label the user made as a type: "TEL;X-Toko:" (3.0: TYPE=X-Toko).
          const own = (prop.params.get('TYPE') ?? [])
            .find((t) => /^x-./i.test(t) && !/^x-kenal/i.test(t))
            ?.slice(2)
            .slice(0, 50);
          raw.phones.push({
            label: phoneLabelFrom(own ?? types),
            raw: number,
            ...(own ? { customLabel: own } : {}),
          });
          current.phoneGroups.push(prop.group);
        }
        break;
      }
      case 'EMAIL':
        if (prop.value.trim()) {
          raw.emails.push(unescape(prop.value).trim());
          current.emailGroups.push(prop.group);
          const label = prop.params.get('X-KENAL-LABEL')?.join(',');
          if (label && prop.group === undefined)
            (raw.emailLabels ??= []).push({ email: unescape(prop.value).trim(), label });
        }
        break;
      case 'ADR': {
        // pobox;extended;street;locality(city);region;postal code;country
        const [, ext, street, city, region, postal, country] = splitValue(prop.value, ';');
        const address = [ext, street, region, postal, country]
          .filter((s) => s && s.trim())
          .join(', ');
        if (address || city?.trim())
          current.addresses.push({ text: address, ...(city?.trim() && { city: city.trim() }) });
        break;
      }
      case 'BDAY':
        raw.birthday = birthdayValue(prop);
        break;
      case 'GENDER':
      case 'X-GENDER':
        raw.gender = splitValue(prop.value, ';')[0] ?? '';
        break;
      case 'X-KENAL-SOURCE':
        raw.source = unescape(prop.value);
        break;
      case 'NOTE':
        current.notes.push(unescape(prop.value));
        break;
      case 'X-KENAL-FIELD': {
        // Kenal's own export of the shop's field: "X-KENAL-FIELD:Member level;Gold".
        const [name = '', ...rest] = splitValue(prop.value, ';');
        if (name.trim() !== '') (raw.custom ??= []).push({ name, value: rest.join(';') });
        break;
      }
      case 'CATEGORIES':
        raw.tags.push(
          ...splitValue(prop.value, ',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      default:
        // Another app's own property (X-SOCIALPROFILE, X-ABDATE, X-MEMBER-LEVEL): offered as
        // the shop's own field rather than dropped (#18.8). Named in finishCard, because an
        // iPhone writes the item's X-ABLabel after it.
        if (isKeepableVCardProperty(prop.name) && prop.value.trim() !== '')
          current.custom.push({
            property: prop.name,
            ...(prop.group !== undefined && { group: prop.group }),
            type: prop.params.get('TYPE')?.find((t) => !/^(pref|internet)$/i.test(t)),
            value: unescape(prop.value).trim(),
          });
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
  other: 'OTHER',
} as const;

const UTF8 = new TextEncoder();

/**
 * Fold a content line (RFC 6350 section 3.2): at most 75 octets per line, continuation lines
 * start with one space, and a fold never falls inside a UTF-8 character (code point by code
 * point, so an emoji stays whole).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const size = UTF8.encode(ch).length;
    if (octets + size > 75) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += size;
  }
  out.push(cur);
  return out.join('\r\n');
}

/** A parameter value in double quotes (RFC 6350 allows any text but '"' there). */
const quoted = (s: string): string => `"${s.replace(/["\r\n]/g, '')}"`;

/** "+16505551212" and its extension, as phones read it. */
const telValue = (e164: string, ext: string | undefined): string =>
  ext ? `${e164} ext. ${ext}` : e164;

/** No TYPE says WhatsApp: it goes as a label, as phones show it. */
const telLabel = (p: { label: PhoneLabel; customLabel?: string }): string | undefined =>
  p.customLabel ?? (p.label === 'whatsapp' ? 'WhatsApp' : undefined);

/** The names of the shop's own fields found in raw contacts, in order of first appearance. */
export function customNamesIn(contacts: readonly RawContact[]): string[] {
  const out = new Map<string, string>();
  for (const c of contacts)
    for (const f of c.custom ?? []) {
      const key = customNameKey(f.name);
      if (!out.has(key)) out.set(key, f.name);
    }
  return [...out.values()];
}

/**
 * vCard 3.0, which Android, iPhone and Google Contacts all read. The shop's own fields go as
 * "X-KENAL-FIELD:<name>;<value>", so a re-import finds each under its own name.
 */
export function writeVCards(
  contacts: readonly Contact[],
  customFields: readonly CustomFieldDef[] = [],
): string {
  const cards = contacts.map((c) => {
    const lines = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${escapeValue(c.name)}`,
      `N:;${escapeValue(c.name)};;;`,
    ];
    let item = 0;
    /** A label no TYPE says goes on an "itemN." group with X-ABLabel, as iPhones write it. */
    const labelled = (line: string, label: string | undefined) => {
      if (!label) return lines.push(line);
      item++;
      lines.push(`item${item}.${line}`, `item${item}.X-ABLabel:${escapeValue(label)}`);
    };
    if (c.nickname) lines.push(`NICKNAME:${escapeValue(c.nickname)}`);
    if (c.organization) lines.push(`ORG:${escapeValue(c.organization)}`);
    if (c.jobTitle) lines.push(`TITLE:${escapeValue(c.jobTitle)}`);
    for (const p of c.phones) {
      // The number as typed rides along, so our own import gives back exactly what was stored.
      const typed = p.raw !== p.e164 ? `;X-KENAL-TYPED=${quoted(p.raw)}` : '';
      labelled(
        `TEL;TYPE=${VCARD_TEL_TYPES[p.label]}${typed}:${telValue(p.e164, p.ext)}`,
        telLabel(p),
      );
    }
    for (const p of c.unparsedPhones ?? [])
      labelled(`TEL;TYPE=${VCARD_TEL_TYPES[p.label]}:${escapeValue(p.raw)}`, telLabel(p));
    const emailLabel = new Map((c.emailLabels ?? []).map((l) => [l.email, l.label]));
    for (const e of [c.email, ...(c.otherEmails ?? [])])
      if (e) labelled(`EMAIL;TYPE=INTERNET:${e}`, emailLabel.get(e));
    if (c.address || c.city)
      lines.push(`ADR;TYPE=HOME:;;${escapeValue(c.address ?? '')};${escapeValue(c.city ?? '')};;;`);
    for (const a of c.otherAddresses ?? []) lines.push(`ADR:;;${escapeValue(a)};;;;`);
    for (const u of c.websites ?? []) lines.push(`URL:${escapeValue(u)}`);
    if (c.birthday) lines.push(`BDAY:${c.birthday}`);
    // Without a year: the form Google writes and RFC 6350 defines ("--MMDD"); iPhones read it.
    else if (c.birthMonthDay) lines.push(`BDAY:--${c.birthMonthDay}`);
    if (c.gender) lines.push(`X-GENDER:${c.gender}`);
    if (c.source) lines.push(`X-KENAL-SOURCE:${escapeValue(c.source)}`);
    if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(escapeValue).join(',')}`);
    if (c.note) lines.push(`NOTE:${escapeValue(c.note)}`);
    for (const f of customFields) {
      const v = c.custom?.[f.id];
      if (v !== undefined) lines.push(`X-KENAL-FIELD:${escapeValue(f.name)};${escapeValue(v)}`);
    }
    lines.push('END:VCARD');
    return lines.map(foldLine).join('\r\n');
  });
  return cards.join('\r\n') + (cards.length > 0 ? '\r\n' : '');
}
