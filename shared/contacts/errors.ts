/**
 * The error codes the contacts domain returns to the UI (renderer/db/repositories/contacts and
 * custom-fields.ts), declared once. The codes are i18n keys: a test checks each exists in
 * English and Bahasa Indonesia.
 */

/** Why a definition of the shop's own field was not saved. */
export const CUSTOM_FIELD_ERRORS = [
  'customFields.errors.nameRequired',
  'customFields.errors.nameTooLong',
  'customFields.errors.nameTaken',
  'customFields.errors.optionsRequired',
  'customFields.errors.tooManyOptions',
  'customFields.errors.tooMany',
  'customFields.errors.gone',
  'customFields.errors.invalid',
] as const;
export type CustomFieldError = (typeof CUSTOM_FIELD_ERRORS)[number];

/** A validation message of the definition's schema as a code (anything else: `invalid`). */
export function customFieldError(message: string | undefined): CustomFieldError {
  return (CUSTOM_FIELD_ERRORS as readonly string[]).includes(message ?? '')
    ? (message as CustomFieldError)
    : 'customFields.errors.invalid';
}

/** Why a contact was not saved. The form's field-level messages travel with it (`fields`). */
export const CONTACT_SAVE_ERRORS = [
  'contacts.invalid',
  'privacy.erase.blocked',
  'checkout.errors.referSelf',
] as const;
export type ContactSaveErrorCode = (typeof CONTACT_SAVE_ERRORS)[number];
