/**
 * The error codes the sync domain returns to the UI (the codes are i18n keys): naming this
 * device (renderer/db/repositories/devices.ts).
 */
export const SYNC_ERRORS = ['backup.folder.nameRequired', 'backup.folder.nameTooLong'] as const;
export type SyncError = (typeof SYNC_ERRORS)[number];

export const isSyncError = (code: string): code is SyncError =>
  (SYNC_ERRORS as readonly string[]).includes(code);
