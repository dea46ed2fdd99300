/**
 * Merging duplicate contact A into B (ARCHITECTURE.md "Merged contacts"). Events are never edited: A gets
 * `mergedInto: B` and every query resolves A to B, so A's notes, follow-ups, sales, ledger
 * entries and feedback count for B. B gets the union of what A knew, field by field:
 * - phones: B's, then A's numbers B does not have (by E.164), at most 20;
 * - e-mail: B's stays; A's addresses B lacks go to `otherEmails`;
 * - tags: union, B's order first;
 * - note: B's, then A's when it says something B's does not;
 * - every other field (and each custom field): B's value, or A's where B has none;
 * - marketing consent: the more recent decision of the two (by its date).
 * The result is a patch, applied with shared/records.ts applyPatch so each change is stamped.
 */
import type { Contact, ContactFields } from '../schemas/contact';

const FILL_FIELDS = [
  'birthday',
  'address',
  'city',
  'gender',
  'source',
  'preferredChannel',
  'stage',
  'birthMonthDay',
  'nickname',
  'organization',
  'jobTitle',
  'firstName',
  'salutation',
  'referredBy',
] as const;

/** Lists that are joined: B's items, then A's that B lacks. */
const UNION_LISTS = ['websites', 'otherAddresses', 'unparsedPhones', 'emailLabels'] as const;

export type ContactPatch = Partial<Omit<ContactFields, 'mergedInto'>>;

export function planMerge(loser: Contact, survivor: Contact): ContactPatch {
  const patch: ContactPatch = {};
  const phones = [...survivor.phones];
  for (const p of loser.phones)
    if (phones.length < 20 && !phones.some((q) => q.e164 === p.e164)) phones.push(p);
  if (phones.length !== survivor.phones.length) patch.phones = phones;

  const known = new Set([survivor.email, ...(survivor.otherEmails ?? [])].filter(Boolean));
  const extra = [loser.email, ...(loser.otherEmails ?? [])].filter(
    (e): e is string => !!e && !known.has(e),
  );
  if (survivor.email === undefined && extra.length > 0) patch.email = extra.shift();
  if (extra.length > 0)
    patch.otherEmails = [...(survivor.otherEmails ?? []), ...extra].slice(0, 20);

  const tags = [...survivor.tags];
  for (const t of loser.tags) if (!tags.includes(t) && tags.length < 50) tags.push(t);
  if (tags.length !== survivor.tags.length) patch.tags = tags;

  const loserNote = loser.note.trim();
  if (loserNote !== '' && !survivor.note.includes(loserNote))
    patch.note = survivor.note.trim() === '' ? loser.note : `${survivor.note}\n\n${loser.note}`;

  for (const f of FILL_FIELDS) {
    if (survivor[f] === undefined && loser[f] !== undefined)
      (patch as Record<string, unknown>)[f] = loser[f];
  }
  // A duplicate "referred by" the contact it merges into: nobody refers themselves.
  if (patch.referredBy === survivor.id) delete patch.referredBy;
  // A birthday without a year gives way to one with a year.
  if (patch.birthday !== undefined && survivor.birthMonthDay !== undefined)
    patch.birthMonthDay = undefined;
  if (survivor.birthday !== undefined) delete patch.birthMonthDay;
  for (const f of UNION_LISTS) {
    const mine: unknown[] = survivor[f] ?? [];
    const known = new Set(mine.map((x) => JSON.stringify(x)));
    const extra = (loser[f] ?? []).filter((x: unknown) => !known.has(JSON.stringify(x)));
    if (extra.length > 0) (patch as Record<string, unknown>)[f] = [...mine, ...extra].slice(0, 20);
  }

  // The shop's own fields: B's values, and A's for fields B has no value in.
  const extraCustom = Object.entries(loser.custom ?? {}).filter(([id]) => !survivor.custom?.[id]);
  if (extraCustom.length > 0)
    patch.custom = { ...survivor.custom, ...Object.fromEntries(extraCustom) };

  if (
    loser.marketingConsent !== undefined &&
    (survivor.marketingConsent === undefined ||
      (loser.marketingConsentAt ?? '') > (survivor.marketingConsentAt ?? ''))
  ) {
    patch.marketingConsent = loser.marketingConsent;
    if (loser.marketingConsentAt) patch.marketingConsentAt = loser.marketingConsentAt;
  }
  return patch;
}
