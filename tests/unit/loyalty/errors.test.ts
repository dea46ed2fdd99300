/** shared/loyalty/errors.ts: every code the loyalty repository returns is shown in both languages. */
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';
import { LOYALTY_ERRORS } from '../../../shared/loyalty/errors';
import { firstErrorKey, redeemInputSchema } from '../../../shared/loyalty/inputs';

const lookup = (tree: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('loyalty error codes', () => {
  it.each(LOYALTY_ERRORS)('%s has an English and an Indonesian text', (code) => {
    expect(typeof lookup(en, code)).toBe('string');
    expect(typeof lookup(id, code)).toBe('string');
  });

  it('a form error outside the list reads as the generic one', () => {
    const parsed = redeemInputSchema.safeParse({ contactId: 7, points: 'x' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(LOYALTY_ERRORS).toContain(firstErrorKey(parsed.error));
  });
});
