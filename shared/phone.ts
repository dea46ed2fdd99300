/**
 * Phone numbers as Indonesian shops see them: "0812-3456-7890", "62812...", "+62 812 ..." are one
 * number. Stored twice (DESIGN section 4): as the user typed it and as E.164 ("+6281234567890").
 * The "max" metadata validates number ranges, not just lengths, so typos are caught.
 */
import { parsePhoneNumberWithError, ParseError } from 'libphonenumber-js/max';
import { err, ok, type Result } from './result';

export const DEFAULT_PHONE_REGION = 'ID';

export type PhoneError = 'empty' | 'invalid' | 'too-long';

export interface NormalizedPhone {
  e164: string;
  /** Digits after the country code ("81234567890"): what search matches on. */
  national: string;
  countryCallingCode: string;
}

const MAX_PHONE_INPUT = 40;

/** Normalize a phone number typed in any common format. Numbers without "+" are Indonesian. */
export function normalizePhone(input: string): Result<NormalizedPhone, PhoneError> {
  const raw = input.trim();
  if (raw === '') return err('empty');
  if (raw.length > MAX_PHONE_INPUT) return err('too-long');
  try {
    const parsed = parsePhoneNumberWithError(raw, DEFAULT_PHONE_REGION);
    if (!parsed.isValid()) return err('invalid');
    return ok({
      e164: parsed.number,
      national: parsed.nationalNumber,
      countryCallingCode: parsed.countryCallingCode,
    });
  } catch (e) {
    if (e instanceof ParseError) return err('invalid');
    throw e;
  }
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
