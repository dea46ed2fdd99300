/** Texts of the timeline area. Bahasa Indonesia in ../id/timeline.ts must have the same keys. */
export const timeline = {};
