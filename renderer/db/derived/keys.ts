/** The kept figures' table and the meta entry that says which FIGURES_VERSION built them. */
export const FIGURES_TABLE = 'customerFigures';
export const FIGURES_META_KEY = 'figures.version';
/** The meta value after a restore or a rules change: rebuild before reading. */
export const STALE = 'stale';

/**
 * Whether the app keeps and reads the figures: on, in the app and under unit tests. A switch so
 * a test of an older schema, or a future bisect, can turn the upkeep off in one place.
 */
export const KEEP_FIGURES: boolean = true;
