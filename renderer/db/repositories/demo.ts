/**
 * Loads a generated demo book (shared/demo) so a new user can try every screen. One
 * transaction: the whole book lands or nothing does. Demo records keep their own device id
 * and stamps, like records merged in from another device.
 */
import { contactIndexFields } from '../../../shared/contact-index';
import type { DemoBook } from '../../../shared/demo/generate';
import type { KenalDb } from '../database';

export function createDemoRepository(db: KenalDb) {
  return {
    async load(book: DemoBook): Promise<void> {
      await db.transaction(
        'rw',
        [db.contacts, db.sales, db.notes, db.followUps, db.feedback, db.ledger],
        async () => {
          await db.contacts.bulkPut(book.contacts.map((c) => ({ ...c, ...contactIndexFields(c) })));
          await db.sales.bulkPut(book.sales);
          await db.notes.bulkPut(book.notes);
          await db.followUps.bulkPut(book.followUps);
          await db.feedback.bulkPut(book.feedback);
          await db.ledger.bulkPut(book.ledger);
        },
      );
    },
  };
}

export type DemoRepository = ReturnType<typeof createDemoRepository>;
