/**
 * What an import will do with each row, decided once and used by both the preview (its counts
 * and its "Import N contacts") and the import itself (renderer/db/repositories/contacts/
 * import.ts), so the preview never promises what the import does not do (#18.4).
 *
 * A row is a duplicate when it shares a phone (E.164) or an e-mail with a contact in the book or
 * with an earlier row of the same file; a row with neither is matched by its name and
 * organization, so re-importing a list of names adds nothing. Duplicates in the file get the
 * same choice as duplicates in the book: skip, merge into the first, or add anyway.
 * One pass over the rows with hash lookups: linear in the file, whatever the size of the book.
 */
import type { ContactInputFields } from '../contact-input';
import type { Contact } from '../schemas/contact';
import { foldText } from '../text';
import { matchKeys } from './duplicates';

export type DuplicateChoice = 'skip' | 'merge' | 'add';

export type PlanAction =
  | { kind: 'add' }
  /** The same person as a contact already in the book. */
  | { kind: 'in-book'; id: string; name: string }
  /** The same person as an earlier row of this file (its index among the planned rows). */
  | { kind: 'in-file'; row: number };

type Keyed = Pick<Contact, 'name' | 'phones' | 'email' | 'otherEmails' | 'organization'>;

/** "name:siti rahayu|toko maju": how a contact without phone or e-mail is recognised. */
export function nameKey(c: Pick<Contact, 'name' | 'organization'>): string {
  return `name:${foldText(c.name).replace(/\s+/g, ' ').trim()}|${foldText(c.organization ?? '').trim()}`;
}

/** Keys a contact in the book is found under: phones, e-mails and its name. */
export function bookKeys(c: Keyed): string[] {
  return [...matchKeys(c), nameKey(c)];
}

/** Keys an imported row is matched on: phones and e-mails, or its name when it has neither. */
export function rowKeys(c: Keyed): string[] {
  const keys = matchKeys(c);
  return keys.length > 0 ? keys : [nameKey(c)];
}

export interface BookMatch {
  id: string;
  name: string;
}

/**
 * One action per row. `lookup` answers from the book (a Map's get, built once). Rows are
 * compared with earlier rows through the same keys.
 */
export function planImport(
  rows: readonly ContactInputFields[],
  lookup: (key: string) => BookMatch | undefined,
): PlanAction[] {
  const firstRow = new Map<string, number>();
  return rows.map((fields, i) => {
    const keys = rowKeys(fields);
    let action: PlanAction = { kind: 'add' };
    for (const k of keys) {
      const hit = lookup(k);
      if (hit) {
        action = { kind: 'in-book', id: hit.id, name: hit.name };
        break;
      }
    }
    if (action.kind === 'add') {
      for (const k of keys) {
        const j = firstRow.get(k);
        if (j !== undefined) {
          action = { kind: 'in-file', row: j };
          break;
        }
      }
    }
    for (const k of keys) if (!firstRow.has(k)) firstRow.set(k, i);
    return action;
  });
}

export interface PlanCounts {
  /** Rows that are nobody already known. */
  fresh: number;
  inBook: number;
  inFile: number;
}

export function planCounts(plan: readonly PlanAction[]): PlanCounts {
  const counts: PlanCounts = { fresh: 0, inBook: 0, inFile: 0 };
  for (const a of plan) {
    if (a.kind === 'add') counts.fresh++;
    else if (a.kind === 'in-book') counts.inBook++;
    else counts.inFile++;
  }
  return counts;
}

/** What the import does with one row once the user chose what duplicates get. */
export type RowOutcome =
  | { kind: 'add' }
  /** Into a contact of the book. */
  | { kind: 'merge'; id: string }
  /** Into the contact an earlier row of this file became (its index among the planned rows). */
  | { kind: 'merge'; row: number }
  | { kind: 'skip'; reason: 'in-book' | 'in-file' };

/** The plan under the user's choice: skip a duplicate, merge it into its match, or add it anyway. */
export function rowOutcomes(plan: readonly PlanAction[], choice: DuplicateChoice): RowOutcome[] {
  return plan.map((a): RowOutcome => {
    if (a.kind === 'add' || choice === 'add') return { kind: 'add' };
    if (choice === 'skip') return { kind: 'skip', reason: a.kind };
    return a.kind === 'in-book' ? { kind: 'merge', id: a.id } : { kind: 'merge', row: a.row };
  });
}

/** What an import did (or, from the plan, will do): the result the user is shown. */
export interface ImportTally {
  added: number;
  merged: number;
  skipped: number;
}

/** The tally of a plan's outcomes; `added + merged` is the preview's "Import N". */
export function tallyOutcomes(outcomes: readonly RowOutcome[]): ImportTally {
  const tally: ImportTally = { added: 0, merged: 0, skipped: 0 };
  for (const o of outcomes) {
    if (o.kind === 'add') tally.added++;
    else if (o.kind === 'merge') tally.merged++;
    else tally.skipped++;
  }
  return tally;
}
