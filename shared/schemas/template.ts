import { z } from 'zod';
import { mutableMetaShape } from './common';

export const TEMPLATE_PURPOSES = [
  'thanks',
  'birthday',
  'points',
  'winback',
  'resolved',
  'followup',
  'custom',
] as const;

/** A message template with placeholders (shared/timeline/templates.ts), in both languages. */
export const templateFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  purpose: z.enum(TEMPLATE_PURPOSES),
  body: z.object({
    en: z.string().max(5000),
    id: z.string().max(5000),
  }),
});
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

export const templateSchema = templateFieldsSchema.extend(mutableMetaShape);
export type MessageTemplate = z.infer<typeof templateSchema>;
