/** shared/contacts/errors.ts: every code the contacts domain can return is a text in both languages. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';
import {
  CONTACT_SAVE_ERRORS,
  CUSTOM_FIELD_ERRORS,
  customFieldError,
} from '../../../shared/contacts/errors';

const CODES = [...CUSTOM_FIELD_ERRORS, ...CONTACT_SAVE_ERRORS];

describe('contacts error codes', () => {
  it.each(['en', 'id'] as const)('each code is a text in %s', async (lng) => {
    const i = i18next.createInstance();
    await i.init({ lng, resources: { [lng]: { translation: lng === 'en' ? en : id } } });
    for (const code of CODES) expect(i.exists(code), `${lng}: ${code}`).toBe(true);
  });

  it('a message the schema did not write (a wrong type from a hostile caller) is "invalid"', () => {
    expect(customFieldError('Expected string, received number')).toBe(
      'customFields.errors.invalid',
    );
    expect(customFieldError(undefined)).toBe('customFields.errors.invalid');
    expect(customFieldError('customFields.errors.nameTaken')).toBe('customFields.errors.nameTaken');
  });
});
