/** Writing contacts: create, the edit form's update, delete and undo, tags on many at once. */
import {
  parseContactInput,
  type ContactInput,
  type ContactInputFields,
  type FieldError,
} from '../../../../shared/contact-input';
import { newId } from '../../../../shared/ids';
import { isErased } from '../../../../shared/privacy/erase';
import { applyPatch, createMutable, restore, tombstone } from '../../../../shared/records';
import type { Contact } from '../../../../shared/schemas';
import { canonicalJson } from '../../../../shared/sync/canonical-json';
import type { ContactSaveErrorCode } from '../../../../shared/contacts/errors';
import { err, ok, type Result } from '../../../../shared/result';
import { foldText } from '../../../../shared/text';
import type { ContactRow } from '../../database';
import { ContactNotFoundError, ERASED_CONTACT_ERROR } from '../../errors';
import { fromRow, isLive, patchRow, toRow, withConsentDate, type ContactsContext } from './context';

/** Why a save was refused: a code, and the messages the form shows beside its fields. */
export interface ContactSaveError {
  code: ContactSaveErrorCode;
  fields: FieldError[];
}
export type SaveResult = Result<Contact, ContactSaveError>;

/** The form's fields did not validate (shared/contact-input.ts). */
export const invalidFields = (fields: FieldError[]) =>
  err<ContactSaveError>({ code: 'contacts.invalid', fields });

/** A refusal about one field, shown beside it. */
const refused = (code: ContactSaveErrorCode, path: string) =>
  err<ContactSaveError>({ code, fields: [{ path, message: code }] });

/** The optional form fields: cleared when the form sends them empty. */
const CLEARABLE = { email: undefined, birthday: undefined } as const;

/** Same value, compared as data (phones and tags are arrays of plain values). */
const sameValue = (a: unknown, b: unknown) =>
  a === b || (a !== undefined && b !== undefined && canonicalJson(a) === canonicalJson(b));

/** The fields whose value differs from what the form opened with. */
function changedFields(
  now: Partial<ContactInputFields>,
  opened: Partial<ContactInputFields>,
): Partial<ContactInputFields> {
  const keys = new Set([...Object.keys(now), ...Object.keys(opened)]) as Set<
    keyof ContactInputFields
  >;
  const out: Partial<Record<keyof ContactInputFields, unknown>> = {};
  for (const k of keys) if (!sameValue(now[k], opened[k])) out[k] = now[k];
  return out as Partial<ContactInputFields>;
}

/** Fields this save changes that someone else changed (to another value) after the form opened. */
function overwrittenSinceOpened(
  current: Contact,
  opened: Partial<ContactInputFields>,
  edited: Partial<ContactInputFields>,
): string[] {
  return Object.keys(edited).filter((k) => {
    const key = k as keyof ContactInputFields;
    const stored = current[key];
    return !sameValue(stored, opened[key]) && !sameValue(stored, edited[key]);
  });
}

/** The stored custom values with the keys the form changed (from `opened` to `now`) applied. */
function customEdits(
  stored: Readonly<Record<string, string>> | undefined,
  opened: Readonly<Record<string, string>> | undefined,
  now: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  const out: Record<string, string> = { ...stored };
  for (const k of new Set([...Object.keys(opened ?? {}), ...Object.keys(now ?? {})])) {
    const v = now?.[k];
    if (v === opened?.[k]) continue;
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function contactWrites({ db, clock, now, rw }: ContactsContext) {
  /** The rows of these ids that `keep` accepts, read in one bulkGet. */
  const rowsOf = async (ids: readonly string[], keep: (r: ContactRow) => boolean) =>
    (await db.contacts.bulkGet([...ids])).filter((r): r is ContactRow => !!r && keep(r));

  /** Add or remove a tag on many contacts in one transaction; returns how many changed. */
  const retag = (ids: readonly string[], next: (tags: string[]) => string[] | undefined) =>
    rw(async () => {
      const stamp = await clock.stamp();
      const changed = (await rowsOf(ids, isLive)).flatMap((r) => {
        const tags = next(r.tags);
        const row = tags ? patchRow(r, { tags }, stamp) : undefined;
        return row ? [row] : [];
      });
      await db.contacts.bulkPut(changed);
      return changed.length;
    });

  return {
    async create(input: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return invalidFields(parsed.errors);
      return rw(async () => {
        const at = now();
        const stamp = await clock.stamp();
        const contact: Contact = createMutable(withConsentDate(parsed.fields, undefined, at), {
          id: newId(at.getTime()),
          createdAt: at.toISOString(),
          stamp,
        });
        await db.contacts.add(toRow(contact, stamp));
        return ok(contact);
      });
    },

    /**
     * Save the edit form. With `base` (the values the form opened with) only the fields the
     * user changed are written: a field another tab or a sync changed meanwhile keeps its new
     * value. Where both changed the same field this save wins (it is the later one) and the
     * value it replaces goes to `history`, as a losing value of a merge does.
     */
    async update(id: string, input: ContactInput, base?: ContactInput): Promise<SaveResult> {
      const parsed = parseContactInput(input);
      if (!parsed.ok) return invalidFields(parsed.errors);
      if (parsed.fields.referredBy === id)
        return refused('checkout.errors.referSelf', 'referredBy');
      const opened = base ? parseContactInput(base) : undefined;
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row || row.deletedAt) throw new ContactNotFoundError(id);
        if (isErased(row)) return refused(ERASED_CONTACT_ERROR, 'name');
        const current = fromRow(row);
        // Every form field is sent, so a cleared optional field is an explicit `undefined`.
        const all: Partial<ContactInputFields> = { ...CLEARABLE, ...parsed.fields };
        const edited = opened?.ok ? changedFields(all, { ...CLEARABLE, ...opened.fields }) : all;
        // Custom fields change one by one: a field this form did not touch keeps the value a
        // sync or another tab gave it meanwhile.
        if (opened?.ok && Object.hasOwn(edited, 'custom'))
          edited.custom = customEdits(current.custom, opened.fields.custom, parsed.fields.custom);
        const patch = withConsentDate(edited as ContactInputFields, current, now());
        const stamp = await clock.stamp();
        const { record, changed } = applyPatch(current, patch, stamp);
        if (changed.length > 0) await db.contacts.put(toRow(record, stamp));
        if (opened?.ok) {
          const replaced = overwrittenSinceOpened(current, opened.fields, edited);
          if (replaced.length > 0) {
            const at = now().toISOString();
            await db.history.bulkAdd(
              replaced.map((field) => ({
                table: 'contacts',
                recordId: id,
                field,
                value: current[field as keyof Contact],
                stamp: current.stamps[field] ?? current.updatedAt,
                at,
              })),
            );
          }
        }
        return ok(record);
      }, [db.history]);
    },

    /** Tombstone a contact. Returns it so the caller can offer undo. */
    async remove(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (row.deletedAt) return fromRow(row);
        const stamp = await clock.stamp();
        const record = tombstone(fromRow(row), stamp);
        await db.contacts.put(toRow(record, stamp));
        return record;
      });
    },

    /** Undo a delete. */
    async restore(id: string): Promise<Contact> {
      return rw(async () => {
        const row = await db.contacts.get(id);
        if (!row) throw new ContactNotFoundError(id);
        if (!row.deletedAt) return fromRow(row);
        const stamp = await clock.stamp();
        const record = restore(fromRow(row), stamp);
        await db.contacts.put(toRow(record, stamp));
        return record;
      });
    },

    /** Add a tag to many contacts, in one transaction. Returns how many changed. */
    async tagMany(ids: readonly string[], tag: string): Promise<number> {
      const t = tag.trim();
      if (t === '' || t.length > 50) return 0;
      return retag(ids, (tags) =>
        tags.some((x) => foldText(x) === foldText(t)) || tags.length >= 50
          ? undefined
          : [...tags, t],
      );
    },

    /** Remove a tag (any case) from many contacts, in one transaction. */
    async untagMany(ids: readonly string[], tag: string): Promise<number> {
      const f = foldText(tag);
      return retag(ids, (tags) =>
        tags.some((x) => foldText(x) === f) ? tags.filter((x) => foldText(x) !== f) : undefined,
      );
    },

    /** Tombstone many contacts in one transaction; returns the ids deleted (for undo). */
    async removeMany(ids: readonly string[]): Promise<string[]> {
      return rw(async () => {
        const stamp = await clock.stamp();
        const rows = await rowsOf(ids, (r) => !r.deletedAt);
        await db.contacts.bulkPut(rows.map((r) => toRow(tombstone(fromRow(r), stamp), stamp)));
        return rows.map((r) => r.id);
      });
    },

    /** Undo removeMany. */
    async restoreMany(ids: readonly string[]): Promise<void> {
      await rw(async () => {
        const stamp = await clock.stamp();
        const rows = await rowsOf(ids, (r) => !!r.deletedAt);
        await db.contacts.bulkPut(rows.map((r) => toRow(restore(fromRow(r), stamp), stamp)));
      });
    },
  };
}

export type ContactWrites = ReturnType<typeof contactWrites>;
