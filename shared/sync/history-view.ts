/**
 * How a value that lost a merge (a `history` row, shared/sync/merge.ts) is told to the user:
 * whose record it was, the field's name in their language, the value readable, and the device
 * that wrote it. A row alone says `contacts · city: "Surabaya"` and a stamp; this turns that
 * into "Siti Rahayu · City: “Surabaya” (from Till 1)" with the renderer's words.
 */
import { DEVICE_ID_PATTERN } from '../hlc';
import { isoDateTimeSchema } from '../schemas/common';

/** The device that wrote a value: the device id that ends its HLC stamp. */
export function stampDevice(stamp: string): string | undefined {
  const id = stamp.slice(stamp.lastIndexOf('-') + 1);
  return DEVICE_ID_PATTERN.test(id) ? id : undefined;
}

const c = (field: string) => `contacts.fields.${field}`;
const b = (field: string) => `backup.fields.${field}`;

/**
 * The i18n key naming each field of each mutable table (the ones a merge can find in
 * conflict). A contact's fields use the contact form's own labels.
 */
export const HISTORY_FIELD_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  contacts: {
    name: c('name'),
    phones: c('phone'),
    email: c('email'),
    otherEmails: c('otherEmails'),
    tags: c('tags'),
    birthday: c('birthday'),
    birthMonthDay: c('birthday'),
    note: c('note'),
    nickname: c('nickname'),
    firstName: c('firstName'),
    salutation: c('salutation'),
    custom: 'customFields.title',
    referredBy: 'checkout.referral.referredBy',
    organization: c('organization'),
    jobTitle: c('jobTitle'),
    websites: c('website'),
    otherAddresses: c('otherAddresses'),
    emailLabels: c('label'),
    unparsedPhones: c('unparsedPhones'),
    address: c('address'),
    city: c('city'),
    gender: c('gender'),
    source: c('source'),
    preferredChannel: c('channel'),
    marketingConsent: c('consent'),
    marketingConsentAt: c('consentAt'),
    stage: c('stage'),
    mergedInto: b('mergedInto'),
    deletedAt: b('deletedAt'),
  },
  notes: {
    contactId: b('contact'),
    kind: b('kind'),
    at: b('at'),
    text: b('text'),
    outcome: b('outcome'),
    complaintStatus: b('complaintStatus'),
    resolution: b('resolution'),
    resolvedAt: b('resolvedAt'),
    deletedAt: b('deletedAt'),
  },
  followUps: {
    contactId: b('contact'),
    title: b('title'),
    note: c('note'),
    dueAt: b('dueAt'),
    repeat: b('repeat'),
    doneAt: b('doneAt'),
    snoozedUntil: b('snoozedUntil'),
    repeatAnchor: b('dueAt'),
    previousId: b('previousId'),
    deletedAt: b('deletedAt'),
  },
  templates: {
    name: b('templateName'),
    purpose: b('purpose'),
    body: b('text'),
    deletedAt: b('deletedAt'),
  },
  settings: {
    key: b('settingKey'),
    value: b('value'),
    deletedAt: b('deletedAt'),
  },
};

/** The i18n key of a field's name; a field this version does not know is "another field". */
export function historyFieldKey(table: string, field: string): string {
  const keys = HISTORY_FIELD_KEYS[table];
  return (keys && Object.hasOwn(keys, field) ? keys[field] : undefined) ?? b('other');
}

/** A losing value, shaped for the words and formats of the user's language. */
export type HistoryValue =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'yes-no'; value: boolean }
  | { kind: 'date'; iso: string };

const MAX_TEXT = 80;
const short = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

function itemText(item: unknown): string {
  if (typeof item === 'string' || typeof item === 'number') return String(item);
  if (item && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    // A phone as typed, an e-mail's label, an address line: what the user once typed.
    for (const k of ['raw', 'label', 'email', 'text']) {
      if (typeof o[k] === 'string') return o[k];
    }
  }
  return JSON.stringify(item);
}

/** A losing value as the user typed it: phones by their number, lists joined, dates as dates. */
export function historyValue(value: unknown): HistoryValue {
  if (value === undefined || value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'yes-no', value };
  if (typeof value === 'string') {
    return isoDateTimeSchema.safeParse(value).success
      ? { kind: 'date', iso: value }
      : { kind: 'text', text: short(value) };
  }
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  if (Array.isArray(value)) {
    return value.length === 0
      ? { kind: 'empty' }
      : { kind: 'text', text: short(value.map(itemText).join(', ')) };
  }
  return { kind: 'text', text: short(JSON.stringify(value)) };
}
