/**
 * shared/contacts/import-plan.ts: the one plan the preview counts and importMany executes
 * (#15 item 3). The repository side (the import's summary equals this tally) is in
 * tests/unit/db/repositories/contacts/import.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  planCounts,
  planImport,
  rowOutcomes,
  tallyOutcomes,
  type BookMatch,
} from '../../../shared/contacts/import-plan';
import type { ContactInputFields } from '../../../shared/contact-input';

const row = (name: string, phone?: string, email?: string): ContactInputFields =>
  ({
    name,
    phones: phone ? [{ label: 'mobile', raw: phone, e164: phone }] : [],
    tags: [],
    ...(email ? { email } : {}),
  }) as unknown as ContactInputFields;

const book = new Map<string, BookMatch>([['tel:+6281311112222', { id: 'B1', name: 'Siti' }]]);
const lookup = (k: string) => book.get(k);

describe('planImport + rowOutcomes', () => {
  const rows = [
    row('Siti Rahayu', '+6281311112222'), // 0: in the book
    row('Budi', '+6285711112222', 'budi@toko.id'), // 1: new
    row('Budi S.', undefined, 'budi@toko.id'), // 2: repeats row 1 by e-mail
    row('Pak Harto'), // 3: new, known by name only
    row('pak  harto'), // 4: repeats row 3 by name
    row('Budi lagi', '+6285711112222'), // 5: repeats row 1 by phone
  ];
  const plan = planImport(rows, lookup);

  it('says per row: add, in the book (which contact), or a repeat of which earlier row', () => {
    expect(plan).toEqual([
      { kind: 'in-book', id: 'B1', name: 'Siti' },
      { kind: 'add' },
      { kind: 'in-file', row: 1 },
      { kind: 'add' },
      { kind: 'in-file', row: 3 },
      { kind: 'in-file', row: 1 },
    ]);
    expect(planCounts(plan)).toEqual({ fresh: 2, inBook: 1, inFile: 3 });
  });

  it('skip: every duplicate is skipped with its reason', () => {
    const out = rowOutcomes(plan, 'skip');
    expect(out[0]).toEqual({ kind: 'skip', reason: 'in-book' });
    expect(out[2]).toEqual({ kind: 'skip', reason: 'in-file' });
    expect(tallyOutcomes(out)).toEqual({ added: 2, merged: 0, skipped: 4 });
  });

  it('merge: into the book contact, or into what the earlier row became', () => {
    const out = rowOutcomes(plan, 'merge');
    expect(out[0]).toEqual({ kind: 'merge', id: 'B1' });
    expect(out[5]).toEqual({ kind: 'merge', row: 1 });
    expect(tallyOutcomes(out)).toEqual({ added: 2, merged: 4, skipped: 0 });
  });

  it('add: every row is added', () => {
    expect(tallyOutcomes(rowOutcomes(plan, 'add'))).toEqual({ added: 6, merged: 0, skipped: 0 });
  });

  it('every row gets exactly one outcome, and "Import N" is added + merged', () => {
    const phones = ['+6281100000001', '+6281100000002', '+6281100000003'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...phones, undefined), fc.constantFrom('A', 'B')), {
          maxLength: 30,
        }),
        fc.constantFrom('skip' as const, 'merge' as const, 'add' as const),
        (spec, choice) => {
          const p = planImport(
            spec.map(([phone, name]) => row(name, phone)),
            () => undefined,
          );
          const tally = tallyOutcomes(rowOutcomes(p, choice));
          expect(tally.added + tally.merged + tally.skipped).toBe(spec.length);
          // With nothing in the book, the rows added are the distinct people of the file.
          const counts = planCounts(p);
          if (choice !== 'add') expect(tally.added).toBe(counts.fresh);
          // A merge never points at a later row.
          rowOutcomes(p, 'merge').forEach((o, i) => {
            if (o.kind === 'merge' && 'row' in o) expect(o.row).toBeLessThan(i);
          });
        },
      ),
    );
  });
});
