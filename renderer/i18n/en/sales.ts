/** Texts of the sales area. Bahasa Indonesia in ../id/sales.ts must have the same keys. */
export const sales = {};
