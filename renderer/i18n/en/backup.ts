/** Texts of the backup area. Bahasa Indonesia in ../id/backup.ts must have the same keys. */
export const backup = {};
