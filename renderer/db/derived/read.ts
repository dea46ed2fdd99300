import { FIGURES_VERSION } from '../../../shared/derived/customer-figures';
import type { KenalDb } from '../database';
import { FIGURES_META_KEY, KEEP_FIGURES } from './keys';

/**
 * Whether the kept figures are complete for this version. Readers use them only then and
 * otherwise compute from the events as before (while a rebuild runs); the meta read makes a
 * live query re-run when the rebuild finishes.
 */
export async function figuresReady(db: KenalDb): Promise<boolean> {
  if (!KEEP_FIGURES) return false;
  return (await db.meta.get(FIGURES_META_KEY))?.value === String(FIGURES_VERSION);
}
