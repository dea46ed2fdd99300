/**
 * Erasure is final on this device too (issue #17): a customer erased under UU PDP takes nothing
 * new through this device's own repositories, no edit, merge, note, follow-up, sale, redemption,
 * adjustment or survey answer, since each would put personal data back under the erased id.
 * Re-adding the person is an explicit new contact. A refund of an earlier sale is still
 * recorded (the money goes back), without its free-text reason. Sync files are not refused
 * here: their rows of an erased contact are scrubbed on arrival (repositories/sync/import.ts), so
 * every device converges on the same scrubbed rows.
 */
import { isErased } from '../../shared/privacy/erase';
import type { KenalDb } from './database';

/** Whether this contact (as stored, no alias followed) is erased. Call inside the transaction. */
export async function isErasedContact(db: KenalDb, contactId: string): Promise<boolean> {
  const row = await db.contacts.get(contactId);
  return row !== undefined && isErased(row);
}
