/**
 * What the user types for an interaction or a follow-up, validated before anything is written.
 * Messages are i18n keys (renderer/i18n/<lang>/timeline.ts) so one validation speaks both
 * languages. Very long text is kept whole up to MAX_TEXT, never cut.
 */
import { z } from 'zod';
import { ok, err } from '../result';
import { MAX_TEXT, ulidSchema } from '../schemas/common';
import { COMPLAINT_STATUSES, INTERACTION_KINDS } from '../schemas/note';
import { REPEAT_RULES } from '../schemas/followup';
import { isTimelineError, type TimelineResult } from './errors';

const isoMoment = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'timeline.errors.dateInvalid')
  .transform((s) => new Date(s).toISOString());

const requiredText = (key: string) =>
  z
    .string()
    .max(MAX_TEXT, 'timeline.errors.textTooLong')
    .refine((s) => s.trim() !== '', key);

export const interactionInputSchema = z.object({
  contactId: ulidSchema,
  kind: z.enum(INTERACTION_KINDS),
  at: isoMoment,
  text: requiredText('timeline.errors.textRequired'),
  outcome: z.string().max(1000, 'timeline.errors.outcomeTooLong').default(''),
});
export type InteractionInput = z.input<typeof interactionInputSchema>;

export const followUpInputSchema = z.object({
  contactId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'timeline.errors.contactRequired'),
  title: z
    .string()
    .trim()
    .min(1, 'timeline.errors.titleRequired')
    .max(500, 'timeline.errors.titleTooLong'),
  note: z.string().max(MAX_TEXT, 'timeline.errors.textTooLong').default(''),
  dueAt: isoMoment,
  repeat: z.enum(REPEAT_RULES).default('none'),
});
export type FollowUpInput = z.input<typeof followUpInputSchema>;

export const resolutionInputSchema = z.object({
  status: z.enum(COMPLAINT_STATUSES),
  resolution: z.string().max(MAX_TEXT, 'timeline.errors.textTooLong').default(''),
});
export type ResolutionInput = z.input<typeof resolutionInputSchema>;

function parseWith<S extends z.ZodType>(schema: S, input: unknown): TimelineResult<z.output<S>> {
  const r = schema.safeParse(input);
  if (r.success) return ok(r.data);
  return err(
    r.error.issues.map((i) => ({
      path: i.path.join('.'),
      // zod's own messages (wrong enum, bad id) are not for users; give them a generic key.
      message: isTimelineError(i.message) ? i.message : 'timeline.errors.invalid',
    })),
  );
}

export const parseInteractionInput = (input: unknown) => parseWith(interactionInputSchema, input);
export const parseFollowUpInput = (input: unknown) => parseWith(followUpInputSchema, input);

/** Resolving a complaint needs a word on how it was resolved. */
export function parseResolutionInput(
  input: unknown,
): TimelineResult<z.output<typeof resolutionInputSchema>> {
  const r = parseWith(resolutionInputSchema, input);
  if (r.ok && r.value.status === 'resolved' && r.value.resolution.trim() === '') {
    return err([{ path: 'resolution', message: 'timeline.errors.resolutionRequired' }]);
  }
  return r;
}

/** A follow-up due before now: the form asks "are you sure?" before saving it. */
export function isInPast(dueAt: string, now: Date): boolean {
  const t = Date.parse(dueAt);
  return !Number.isNaN(t) && t < now.getTime();
}
