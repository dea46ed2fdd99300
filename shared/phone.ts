/**
 * Phone numbers as Indonesian shops see them: "0812-3456-7890", "62812...", "+62 812 ..." are one
 * number. Stored twice (ARCHITECTURE.md "Records and metadata"): as the user typed it and as E.164 ("+6281234567890").
 * The "max" metadata validates number ranges, not just lengths, so typos are caught.
 *
 * A number typed without "+" belongs to the shop's default country (Settings, Indonesia unless
 * changed) only where that is plausible (see normalizePhone); anything else is refused with a
 * reason, never silently turned into a local number.
 */
import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { err, ok, type Result } from './result';

export const DEFAULT_PHONE_REGION = 'ID';

/** The synced setting that holds the shop's default phone country ("ID", "MY", "US", ...). */
export const PHONE_REGION_SETTING = 'contacts.phoneRegion';

/** A two-letter region libphonenumber knows ("ID", "US", "JP"). */
export function isPhoneRegion(region: string): region is CountryCode {
  return /^[A-Z]{2}$/.test(region) && isSupportedCountry(region);
}

/**
 * - `invalid`: not a number of any country (too short, a short code like "112", letters);
 * - `needs-country`: typed without "+" and not plausibly a number of the default country, e.g.
 *   "(650) 555-1212" in Indonesia: we cannot know the country, so we ask rather than guess.
 */
export type PhoneError = 'empty' | 'invalid' | 'too-long' | 'needs-country';

export interface NormalizedPhone {
  e164: string;
  /** Digits after the country code ("81234567890"): what search matches on. */
  national: string;
  countryCallingCode: string;
  /** An extension typed after the number ("ext. 12", "x12"), without its words. */
  ext?: string;
}

const MAX_PHONE_INPUT = 40;

const asResult = (p: PhoneNumber): NormalizedPhone => ({
  e164: p.number,
  national: p.nationalNumber,
  countryCallingCode: p.countryCallingCode,
  ...(p.ext ? { ext: p.ext } : {}),
});

function tryParse(text: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    const p = parsePhoneNumberWithError(text, region);
    return p.isValid() ? p : undefined;
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

/**
 * Normalize a phone number typed in any common format. With "+" (or the "00" international
 * prefix) the number says its country. Without it, for the default country (Indonesia):
 * - "0812…" / "(021) 555…" (the national trunk prefix 0): that country's number;
 * - "62812…" (starts with the country code and is a valid number with a "+" in front): that
 *   number, never "+6262…";
 * - "812…" (no prefix at all): only when it is a mobile number there (how Indonesians drop the
 *   0); a landline-shaped "(650) 555-1212" is `needs-country`, not +62 650….
 * Countries without a trunk prefix (none, or one people do not type) take any valid number.
 */
export function normalizePhone(
  input: string,
  defaultRegion: string = DEFAULT_PHONE_REGION,
): Result<NormalizedPhone, PhoneError> {
  const raw = input.trim();
  if (raw === '') return err('empty');
  if (raw.length > MAX_PHONE_INPUT) return err('too-long');
  const region: CountryCode = isPhoneRegion(defaultRegion) ? defaultRegion : DEFAULT_PHONE_REGION;
  if (!/\d/.test(raw)) return err('invalid');
  // "+62…", "00 62…" and "tel:+62…": the number carries its own country.
  const international = raw.replace(/^tel:/i, '').replace(/^\s*00(?=[\s\d])/, '+');
  if (/^\s*\+/.test(international)) {
    const p = tryParse(international);
    return p ? ok(asResult(p)) : err('invalid');
  }
  const digits = raw.replace(/(?:ext|x|#|ext\.|extension).*$/i, '').replace(/\D/g, '');
  const local = tryParse(raw, region);
  if (digits.startsWith('0')) return local ? ok(asResult(local)) : err('invalid');
  const code = getCountryCallingCode(region);
  if (digits.startsWith(code)) {
    // "62811223344": the country code typed without "+".
    const withPlus = tryParse(`+${raw.replace(/^\D*/, '')}`);
    if (withPlus && withPlus.countryCallingCode === code) return ok(asResult(withPlus));
  }
  if (!local) return tryParse(`+${digits}`) ? err('needs-country') : err('invalid');
  if (!hasTypedTrunkPrefix(region)) return ok(asResult(local));
  const type = local.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE'
    ? ok(asResult(local))
    : err('needs-country');
}

/**
 * Regions whose national numbers are written with a trunk "0" (Indonesia, Japan, the UK, ...):
 * there a number without "0" and without "+" is only trusted as a mobile number. In the NANP
 * (US, Canada) people write "(650) 555-1212" with no prefix, so every valid number is local.
 */
function hasTypedTrunkPrefix(region: CountryCode): boolean {
  return getCountryCallingCode(region) !== '1';
}

/**
 * The digits a search query means, whatever format it was typed in: "0812", "812 3456",
 * "+62812" and "62812" all mean national digits starting "812". Returns '' when the query has
 * too few digits to be a phone search.
 */
export function phoneQueryDigits(query: string): string {
  const trimmed = query.trim();
  if (!/^[+\d(][\d\s().-]*$/.test(trimmed)) return '';
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('62')) return digits.length >= 3 ? `+${digits}` : '';
    digits = digits.slice(2);
  } else if (digits.startsWith('62') && digits.length > 4) {
    digits = digits.slice(2);
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1);
  }
  return digits.length >= 3 ? digits : '';
}

/**
 * The keys a stored number is found under: its Indonesian national digits, and for foreign
 * numbers also "+<full digits>", so a query typed with "+" finds them.
 */
export function phoneSearchKeys(phone: NormalizedPhone): string[] {
  if (phone.countryCallingCode === '62') return [phone.national];
  return [phone.national, phone.e164];
}

/** A WhatsApp-ready number: E.164 without the plus. */
export function waNumber(e164: string): string {
  return e164.replace(/^\+/, '');
}

/**
 * A stored phone as people read it, however it was typed ("6281234567890", "0812 3456 7890",
 * "+62-812-3456-7890" all show alike): a number of the shop's country in that country's own
 * format ("0812-3456-7890"), any other in the international one ("+65 6123 4567"), then its
 * extension. What was typed is shown only when the stored number cannot be read.
 */
export function formatPhone(
  phone: { e164: string; raw: string; ext?: string },
  region: string = DEFAULT_PHONE_REGION,
): string {
  const p = tryParse(phone.e164);
  if (!p) return phone.raw;
  const number = p.country === region ? p.formatNational() : p.formatInternational();
  return phone.ext ? `${number} ext. ${phone.ext}` : number;
}
