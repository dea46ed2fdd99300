/**
 * Turning the loose values found in other tools' files into ours: dates written the Indonesian
 * way, "L"/"P" for gender, "IG" for Instagram. Each returns undefined for "not understood", so
 * the caller can report the row instead of guessing.
 */
import { isCalendarDate } from '../dates';
import { CONTACT_SOURCES, type GENDERS, type PhoneLabel } from '../schemas/contact';
import { foldText } from '../text';

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2, pebruari: 2,
  mar: 3, maret: 3, march: 3,
  apr: 4, april: 4,
  mei: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  agu: 8, agt: 8, ags: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, nopember: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
}; // prettier-ignore

const iso = (y: number, m: number, d: number): string | undefined => {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isCalendarDate(s) ? s : undefined;
};

/** A two-digit year is 19xx when that is not in the future, else 20xx. */
const fullYear = (y: number, thisYear: number): number =>
  y >= 100 ? y : y + 2000 > thisYear ? y + 1900 : y + 2000;

/**
 * A calendar date "YYYY-MM-DD" from what people and tools write: 1990-08-17, 17/08/1990,
 * 17-08-90, 17.08.1990, 19900817, "17 Agustus 1990", "Aug 17, 1990". Day/month order is
 * day-first (Indonesian) unless only month-first makes a date (8/17/1990 from Outlook).
 * A date without a year (Google's "--08-17") is undefined: we store birthdays with a year.
 */
export function parseLooseDate(
  raw: string,
  thisYear = new Date().getFullYear(),
): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(v);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = fullYear(Number(m[3]), thisYear);
    return iso(y, b, a) ?? iso(y, a, b);
  }
  const words = foldText(v)
    .replace(/,/g, ' ')
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words.length === 3) {
    const [p, q, r] = words as [string, string, string];
    // "17 agustus 1990"
    if (/^\d{1,2}$/.test(p) && MONTHS[q] && /^\d{2,4}$/.test(r))
      return iso(fullYear(Number(r), thisYear), MONTHS[q], Number(p));
    // "aug 17 1990"
    if (MONTHS[p] && /^\d{1,2}$/.test(q) && /^\d{2,4}$/.test(r))
      return iso(fullYear(Number(r), thisYear), MONTHS[p], Number(q));
  }
  return undefined;
}

/** "L", "Laki-laki", "Pria", "M", "Male" -> male; "P", "Perempuan", "Wanita", "F" -> female. */
export function parseGender(raw: string): (typeof GENDERS)[number] | undefined {
  const v = foldText(raw).replace(/[^a-z]/g, '');
  if (v === '') return undefined;
  if (['l', 'lk', 'lakilaki', 'laki', 'pria', 'm', 'male', 'man', 'cowok'].includes(v))
    return 'male';
  if (['p', 'pr', 'perempuan', 'wanita', 'f', 'female', 'woman', 'cewek'].includes(v))
    return 'female';
  if (['o', 'other', 'lainnya', 'lain', 'x'].includes(v)) return 'other';
  return undefined;
}

const SOURCE_ALIASES: Record<string, (typeof CONTACT_SOURCES)[number]> = {
  ig: 'instagram',
  insta: 'instagram',
  tt: 'tiktok',
  tokped: 'tokopedia',
  wa: 'whatsapp',
  walkin: 'walk-in',
  datanglangsung: 'walk-in',
  langsung: 'walk-in',
  toko: 'walk-in',
  referensi: 'referral',
  rekomendasi: 'referral',
  teman: 'referral',
};

/** A known source ("IG" -> "instagram") or the shop's own word, kept as written. */
export function parseSource(raw: string): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  const key = foldText(v).replace(/[^a-z]/g, '');
  const known = CONTACT_SOURCES.find((s) => s.replace('-', '') === key);
  // Own keys only: a cell reading "constructor" must not find Object.prototype's.
  const alias = Object.hasOwn(SOURCE_ALIASES, key) ? SOURCE_ALIASES[key] : undefined;
  return known ?? alias ?? v.slice(0, 50);
}

/** "ya", "yes", "true", "1", "setuju" -> true; "tidak", "no", "false", "0" -> false. */
export function parseYesNo(raw: string): boolean | undefined {
  const v = foldText(raw);
  if (['ya', 'y', 'yes', 'true', '1', 'setuju', 'iya', 'ok', 'x', '✓'].includes(v)) return true;
  if (['tidak', 'tdk', 'no', 'n', 'false', '0', 'tolak'].includes(v)) return false;
  return undefined;
}

/** A phone label from a column header or a vCard TYPE: "Mobile Phone", "CELL", "HP", "WA". */
export function phoneLabelFrom(text: string): PhoneLabel {
  const v = foldText(text);
  if (/whats ?app|\bwa\b/.test(v)) return 'whatsapp';
  if (/home|rumah/.test(v)) return 'home';
  if (/work|business|kantor|bisnis|company/.test(v)) return 'work';
  if (/cell|mobile|hp|ponsel|handphone|iphone/.test(v) || v === '') return 'mobile';
  if (/other|fax|lain/.test(v)) return 'other';
  return 'mobile';
}

/** Tags from a cell: "VIP; Grosir", Google's "* myContacts ::: Pelanggan", "a, b". */
export function splitTags(raw: string): string[] {
  return (
    raw
      .split(/:::|[;,|]/)
      .map((s) => s.trim())
      // Google's system groups are not the shop's tags.
      .filter((s) => s !== '' && !s.startsWith('* '))
      .map((s) => s.slice(0, 50))
  );
}

/** Several numbers in one cell: Google writes "0812… ::: 0813…". */
export function splitPhones(raw: string): string[] {
  // Excel shows a long number as "6,28123E+12" (decimal comma in Indonesian): one value, not two.
  if (isExcelScientific(raw)) return [raw.trim()];
  return raw
    .split(/:::|[;|,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * A phone number Excel turned into a rounded number ("6.28123E+12", "6,28123E+12"): its last
 * digits are gone, so it can only be kept as typed and the user told why.
 */
export const isExcelScientific = (raw: string): boolean =>
  /^\s*\d[.,]\d+e\+?\d{1,2}\s*$/i.test(raw);
