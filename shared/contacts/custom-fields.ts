/**
 * The shop's own contact fields (#18.8): "Member level", "Shoe size", "Last visit", defined in
 * Settings or kept from a column of an imported file that no built-in field takes, so no column
 * has to be thrown away.
 *
 * A definition is a synced setting of its own, `contactField.<id>` (two devices that each add
 * a field make two records, never overwrite each other). A contact stores the values in
 * `custom`, by field id, as text (a number as "12.5", a date as "YYYY-MM-DD", a choice as the
 * option), each value its own last-writer-wins register (shared/records.ts MAP_FIELDS). Pure.
 */
import { z } from 'zod';
import { isCalendarDate } from '../dates';
import { CUSTOM_FIELD_ID, MAX_CUSTOM_FIELDS } from '../schemas/contact';
import { foldText } from '../text';

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_KEY_PREFIX = 'contactField.';
export { CUSTOM_FIELD_ID, MAX_CUSTOM_FIELDS };

export const customFieldNameSchema = z
  .string()
  .trim()
  .min(1, 'customFields.errors.nameRequired')
  .max(60, 'customFields.errors.nameTooLong');

/** The stored value of a `contactField.<id>` setting. */
export const customFieldDefValueSchema = z
  .object({
    name: customFieldNameSchema,
    type: z.enum(CUSTOM_FIELD_TYPES),
    /** The choices of a `choice` field, in order. */
    options: z
      .array(z.string().trim().min(1).max(100))
      .max(50, 'customFields.errors.tooManyOptions')
      .optional(),
  })
  .refine(
    (d) => d.type !== 'choice' || (d.options?.length ?? 0) > 0,
    'customFields.errors.optionsRequired',
  );
export type CustomFieldDefValue = z.infer<typeof customFieldDefValueSchema>;

export interface CustomFieldDef extends CustomFieldDefValue {
  id: string;
}

export const customFieldKey = (id: string): string => `${CUSTOM_FIELD_KEY_PREFIX}${id}`;

/** The field id of a setting key, or undefined when the key is not a field's. */
export function customFieldIdOf(key: string): string | undefined {
  if (!key.startsWith(CUSTOM_FIELD_KEY_PREFIX)) return undefined;
  const id = key.slice(CUSTOM_FIELD_KEY_PREFIX.length);
  return CUSTOM_FIELD_ID.test(id) ? id : undefined;
}

/** Definitions from settings rows; a damaged one is left out, the others sorted by name. */
export function customFieldsFrom(
  rows: readonly { key: string; value: unknown; deletedAt?: string }[],
): CustomFieldDef[] {
  const out: CustomFieldDef[] = [];
  for (const row of rows) {
    const id = customFieldIdOf(row.key);
    if (id === undefined || row.deletedAt !== undefined) continue;
    const parsed = customFieldDefValueSchema.safeParse(row.value);
    if (parsed.success) out.push({ id, ...parsed.data });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** How two names are compared: "Member Level" = "member level" = "MEMBER-LEVEL". */
export const customNameKey = (name: string): string =>
  foldText(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The definition with this name, if any. */
export function findCustomField(
  defs: readonly CustomFieldDef[],
  name: string,
): CustomFieldDef | undefined {
  const key = customNameKey(name);
  return defs.find((d) => customNameKey(d.name) === key);
}

export type CustomValueResult =
  | { ok: true; value: string | undefined }
  | {
      ok: false;
      error:
        'customFields.errors.number' | 'customFields.errors.date' | 'customFields.errors.choice';
    };

/**
 * A value typed or imported for a field, as stored ('' and blanks: no value). A number keeps
 * what was typed, with "," as the decimal comma read as a point ("12,5" -> "12.5"); thousands
 * separators are refused rather than guessed. A choice matches an option whatever its case.
 */
export function readCustomValue(def: CustomFieldDefValue, raw: string): CustomValueResult {
  const v = raw.trim();
  if (v === '') return { ok: true, value: undefined };
  switch (def.type) {
    case 'text':
      return { ok: true, value: v.slice(0, 2000) };
    case 'number': {
      const n = v.replace(/^(-?\d+),(\d+)$/, '$1.$2');
      return /^-?\d{1,15}(\.\d{1,6})?$/.test(n)
        ? { ok: true, value: n }
        : { ok: false, error: 'customFields.errors.number' };
    }
    case 'date':
      return isCalendarDate(v)
        ? { ok: true, value: v }
        : { ok: false, error: 'customFields.errors.date' };
    case 'choice': {
      const option = def.options?.find((o) => foldText(o) === foldText(v));
      return option !== undefined
        ? { ok: true, value: option }
        : { ok: false, error: 'customFields.errors.choice' };
    }
  }
}

/** A value as one field of a filter or a search compares it (case and accents ignored). */
export const customSearchText = (value: string): string => foldText(value);

/** Apple's names for what its address book keeps, in words. */
const APPLE_NAMES: Readonly<Record<string, string>> = {
  'X-ABDATE': 'date',
  'X-ABRELATEDNAMES': 'related name',
  'X-SOCIALPROFILE': 'social profile',
  'X-AIM': 'AIM',
};

/**
 * The name a vCard property gets as a field: "X-MEMBER-LEVEL" -> "Member level",
 * "X-SOCIALPROFILE;TYPE=twitter" -> "Social profile (twitter)".
 */
export function vCardFieldName(property: string, type?: string): string {
  const words = (APPLE_NAMES[property.toUpperCase()] ?? property)
    .replace(/^X-/i, '')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  const name = words.charAt(0).toUpperCase() + words.slice(1);
  const t = type?.trim();
  return (t ? `${name} (${t.toLowerCase()})` : name).slice(0, 60);
}

/**
 * Properties of other apps' vCards that are bookkeeping, not something the user typed: never
 * offered as fields (Apple's ids and display flags, Outlook's internal keys, ...).
 */
const NOT_USER_DATA =
  /^X-(ABUID|ABSHOWAS|ABADR|ABLABEL|APPLE-|MS-OL-|MS-CARDPICTURE|MS-SIGNATURE|ANDROID-CUSTOM|EVOLUTION-|MOZILLA-|KADDRESSBOOK-|GENDER$|KENAL-)/i;

/** Whether an X- property of a vCard is user data to keep as a field. */
export const isKeepableVCardProperty = (name: string): boolean =>
  /^X-/i.test(name) && !NOT_USER_DATA.test(name);

/**
 * The fields a file's kept columns need: the existing definition for a name the shop already
 * has, else a new text field (`newId` makes its id). In the order of `names`, without repeats.
 */
export function planCustomFields(
  names: readonly string[],
  existing: readonly CustomFieldDef[],
  newId: () => string,
): { byName: Map<string, CustomFieldDef>; created: CustomFieldDef[] } {
  const byName = new Map<string, CustomFieldDef>();
  const created: CustomFieldDef[] = [];
  for (const raw of names) {
    const name = raw.trim().slice(0, 60);
    const key = customNameKey(name);
    if (name === '' || byName.has(key)) continue;
    let def = findCustomField(existing, name) ?? created.find((d) => customNameKey(d.name) === key);
    if (!def) {
      if (existing.length + created.length >= MAX_CUSTOM_FIELDS) continue;
      def = { id: newId(), name, type: 'text' };
      created.push(def);
    }
    byName.set(key, def);
  }
  return { byName, created };
}
