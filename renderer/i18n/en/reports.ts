/** Texts of the reports area. Bahasa Indonesia in ../id/reports.ts must have the same keys. */
export const reports = {};
