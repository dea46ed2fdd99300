/** The shapes the timeline repository hands to the screens (renderer/features/timeline, ...). */
import type { Contact, FollowUp, LedgerEntry, Note, Sale } from '../../../../shared/schemas';
import type { COMPLAINT_STATUSES, INTERACTION_KINDS } from '../../../../shared/schemas/note';
import type { QuietVerdict } from '../../../../shared/timeline/gone-quiet';
import type { UpcomingBirthday } from '../../../../shared/timeline/today';

export type InteractionKind = (typeof INTERACTION_KINDS)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** What the timeline can be filtered by: each interaction kind, sales, and points events. */
export type TimelineKind = InteractionKind | 'sale' | 'points' | 'followup';

/**
 * A finished follow-up is on the timeline at the time it was done: derived from the follow-up
 * itself (no extra record), so reopening it takes it off again and every device shows the same.
 */
export type TimelineItem =
  | { type: 'note'; at: string; id: string; note: Note }
  | { type: 'sale'; at: string; id: string; sale: Sale }
  | { type: 'points'; at: string; id: string; entry: LedgerEntry }
  | { type: 'followup'; at: string; id: string; followUp: FollowUp };

/**
 * The few contact fields lists need (name to show, phones for WhatsApp, birthday); `stamps`
 * tell an erased customer (named in the user's words, never offered WhatsApp).
 */
export interface ContactSummary {
  id: string;
  name: string;
  stamps: Contact['stamps'];
  phones: Contact['phones'];
  birthday?: string;
  /** How messages greet them (shared/timeline/message-values.ts). */
  firstName?: string;
  salutation?: Contact['salutation'];
}

export interface FollowUpView {
  followUp: FollowUp;
  contact: ContactSummary;
}

/** A customer gone quiet: the screen reads the names of the rows it shows (contactSummaries). */
export interface QuietCustomer {
  contactId: string;
  verdict: QuietVerdict;
}

export interface ComplaintView {
  note: Note;
  contact: ContactSummary;
}

export interface BirthdayView extends UpcomingBirthday {
  contact: ContactSummary;
}
