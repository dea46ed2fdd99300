/**
 * Loads a generated demo book (shared/demo) so a new user can try every screen. One
 * transaction: the whole book lands or nothing does. Demo records keep their own device id
 * and stamps, like records merged in from another device.
 */
import { contactIndexFields } from '../../../shared/contact-index';
import type { DemoBook } from '../../../shared/demo/generate';
import type { KenalDb } from '../database';
import { batchFigures } from '../derived/middleware';

export function createDemoRepository(db: KenalDb) {
  return {
    async load(book: DemoBook): Promise<void> {
      await db.transaction(
        'rw',
        [db.contacts, db.sales, db.notes, db.followUps, db.feedback, db.ledger],
        // One recomputation of the kept figures per customer when the book is in, not one after
        // the sales and another after the ledger (each re-reads the customers' histories).
        async () =>
          batchFigures(db.core, async () => {
            await db.contacts.bulkPut(
              book.contacts.map((c) => ({ ...c, ...contactIndexFields(c) })),
            );
            await db.sales.bulkPut(book.sales);
            await db.notes.bulkPut(book.notes);
            await db.followUps.bulkPut(book.followUps);
            await db.feedback.bulkPut(book.feedback);
            await db.ledger.bulkPut(book.ledger);
          }),
      );
    },
  };
}

export type DemoRepository = ReturnType<typeof createDemoRepository>;
