/**
 * The shop's own contact fields (shared/contacts/custom-fields.ts): each definition is a synced
 * setting `contactField.<id>`. Removing a field tombstones its definition; the values stay on
 * the contacts (hidden), so a removal that syncs late or is undone loses nothing.
 */
import {
  CUSTOM_FIELD_KEY_PREFIX,
  customFieldDefValueSchema,
  customFieldKey,
  customFieldsFrom,
  findCustomField,
  MAX_CUSTOM_FIELDS,
  type CustomFieldDef,
  type CustomFieldDefValue,
} from '../../../shared/contacts/custom-fields';
import { customFieldError, type CustomFieldError } from '../../../shared/contacts/errors';
import type { HlcStamp } from '../../../shared/hlc';
import { newId } from '../../../shared/ids';
import { settingId } from '../../../shared/event-ids';
import { applyPatch, createMutable, tombstone } from '../../../shared/records';
import { err, ok, type Result } from '../../../shared/result';
import type { Setting } from '../../../shared/schemas';
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export type CustomFieldResult = Result<CustomFieldDef, CustomFieldError>;

/** Live definitions (call inside a transaction over `settings` for a consistent read). */
export async function readCustomFields(db: KenalDb): Promise<CustomFieldDef[]> {
  return customFieldsFrom(
    await db.settings.where('key').startsWith(CUSTOM_FIELD_KEY_PREFIX).toArray(),
  );
}

/** Add definitions inside the caller's read-write transaction over `settings`. */
export async function addCustomFields(
  db: KenalDb,
  defs: readonly CustomFieldDef[],
  stamp: HlcStamp,
  createdAt: string,
): Promise<void> {
  const rows: Setting[] = defs.map(({ id, ...value }) => {
    const key = customFieldKey(id);
    return createMutable(
      { key, value: customFieldDefValueSchema.parse(value) },
      { id: settingId(key), createdAt, stamp },
    );
  });
  if (rows.length > 0) await db.settings.bulkAdd(rows);
}

export function createCustomFieldsRepository(
  db: KenalDb,
  clock: DeviceClock,
  now = () => new Date(),
) {
  /** The definition checked: its shape, and a name no other live field has. */
  async function check(
    value: unknown,
    exceptId?: string,
  ): Promise<Result<CustomFieldDefValue, CustomFieldError>> {
    const parsed = customFieldDefValueSchema.safeParse(value);
    if (!parsed.success) return err(customFieldError(parsed.error.issues[0]?.message));
    const others = (await readCustomFields(db)).filter((d) => d.id !== exceptId);
    if (findCustomField(others, parsed.data.name)) return err('customFields.errors.nameTaken');
    if (exceptId === undefined && others.length >= MAX_CUSTOM_FIELDS)
      return err('customFields.errors.tooMany');
    const value2 = { ...parsed.data };
    if (value2.type !== 'choice') delete value2.options;
    return ok(value2);
  }

  return {
    list: (): Promise<CustomFieldDef[]> =>
      db.transaction('r', db.settings, () => readCustomFields(db)),

    async create(value: unknown): Promise<CustomFieldResult> {
      return db.transaction('rw', db.settings, db.meta, async () => {
        const checked = await check(value);
        if (!checked.ok) return checked;
        const stamp = await clock.stamp();
        const at = now();
        const field = { id: newId(at.getTime()), ...checked.value };
        await addCustomFields(db, [field], stamp, at.toISOString());
        return ok(field);
      });
    },

    /** Rename it, change its type or choices; the values stay as stored. */
    async update(id: string, value: unknown): Promise<CustomFieldResult> {
      return db.transaction('rw', db.settings, db.meta, async () => {
        const row = await db.settings.where('key').equals(customFieldKey(id)).first();
        if (!row || row.deletedAt) return err('customFields.errors.gone');
        const checked = await check(value, id);
        if (!checked.ok) return checked;
        const stamp = await clock.stamp();
        const { record, changed } = applyPatch(row, { value: checked.value }, stamp);
        if (changed.length > 0) await db.settings.put(record);
        return ok({ id, ...checked.value });
      });
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.settings, db.meta, async () => {
        const row = await db.settings.where('key').equals(customFieldKey(id)).first();
        if (!row || row.deletedAt) return;
        await db.settings.put(tombstone(row, await clock.stamp()));
      });
    },
  };
}

export type CustomFieldsRepository = ReturnType<typeof createCustomFieldsRepository>;
