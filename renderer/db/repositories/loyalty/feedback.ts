/**
 * Feedback answers: add one, read a contact's.
 */
import { contactEvents } from '../../identity';
import {
  feedbackInputSchema,
  firstErrorKey,
  type FeedbackInput,
} from '../../../../shared/loyalty/inputs';
import { isErased } from '../../../../shared/privacy/erase';
import { createEvent } from '../../../../shared/records';
import type { Feedback } from '../../../../shared/schemas';
import { ERASED_CONTACT_ERROR } from '../../errors';
import type { LoyaltyContext } from './context';
import type { Failure } from './types';

export function createFeedbackOperations(ctx: LoyaltyContext) {
  const { db, now, liveContact, stampCtx } = ctx;

  return {
    async addFeedback(input: FeedbackInput): Promise<{ ok: true; feedback: Feedback } | Failure> {
      const parsed = feedbackInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: firstErrorKey(parsed.error) };
      const v = parsed.data;
      return db.transaction('rw', [db.feedback, db.contacts, db.meta], async () => {
        const contact = await liveContact(v.contactId);
        if (!contact) return { ok: false as const, error: 'sales.errors.contactNotFound' };
        if (isErased(contact)) return { ok: false as const, error: ERASED_CONTACT_ERROR };
        const at = now();
        const feedback: Feedback = createEvent(
          {
            contactId: contact.id,
            type: v.type,
            score: v.score,
            at: at.toISOString(),
            comment: v.comment || undefined,
            saleId: v.saleId,
            noteId: v.noteId,
          },
          await stampCtx(at),
        );
        await db.feedback.add(feedback);
        return { ok: true as const, feedback };
      });
    },

    /** One contact's feedback answers, newest first. */
    async contactFeedback(contactId: string): Promise<Feedback[]> {
      return (await contactEvents(db, 'feedback', contactId)).sort((a, b) =>
        a.at < b.at ? 1 : -1,
      );
    },
  };
}
