/**
 * Every error code the timeline (interactions, complaints, follow-ups, templates) returns to the
 * UI. The codes are i18n keys (renderer/i18n/<lang>/timeline.ts and privacy.ts), so a test checks
 * each exists in English and Bahasa Indonesia.
 */
import type { FieldError } from '../contact-input';
import type { Result } from '../result';

export const TIMELINE_ERRORS = [
  'timeline.errors.dateInvalid',
  'timeline.errors.textTooLong',
  'timeline.errors.textRequired',
  'timeline.errors.outcomeTooLong',
  'timeline.errors.contactRequired',
  'timeline.errors.titleRequired',
  'timeline.errors.titleTooLong',
  'timeline.errors.resolutionRequired',
  'timeline.errors.templateNameRequired',
  'timeline.errors.invalid',
  // A write about a customer whose personal data was erased (UU PDP) is refused.
  'privacy.erase.blocked',
] as const;
export type TimelineError = (typeof TIMELINE_ERRORS)[number];

export const isTimelineError = (s: string): s is TimelineError =>
  (TIMELINE_ERRORS as readonly string[]).includes(s);

/** A form field's problem: which field (`path`) and what to tell the user. */
export interface TimelineFieldError extends FieldError {
  message: TimelineError;
}

/** What a timeline write returns: the record, or the problems of the fields the user typed. */
export type TimelineResult<T> = Result<T, TimelineFieldError[]>;
