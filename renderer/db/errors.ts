/**
 * Every error the database layer throws, one class per meaning. Expected failures a user is
 * told about are returned as a Result (shared/result.ts), never thrown; these are the
 * exceptional ones: a record that vanished, an erased contact, work the user cancelled.
 */

/** The i18n key of the message every write refused for an erased contact returns. */
export const ERASED_CONTACT_ERROR = 'privacy.erase.blocked';

export class ErasedContactError extends Error {
  readonly messageKey = ERASED_CONTACT_ERROR;
  constructor(readonly contactId: string) {
    super(`Contact ${contactId} was erased`);
    this.name = 'ErasedContactError';
  }
}

export class ContactNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`Contact ${id} not found`);
    this.name = 'ContactNotFoundError';
  }
}

export class TimelineRecordNotFoundError extends Error {
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super(`${table} ${id} not found`);
    this.name = 'TimelineRecordNotFoundError';
  }
}

/** A contact or sales import the user cancelled: nothing of it was written. */
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}

/** A rebuild of the kept figures the user cancelled. */
export class RebuildCancelledError extends Error {
  constructor() {
    super('rebuild cancelled');
    this.name = 'RebuildCancelledError';
  }
}
