/**
 * The kept figures as the app's screens see them: whether they are complete, the rebuild's
 * progress, and the Settings repair action (renderer/db/derived does the work).
 */
import type { KenalDb } from '../database';
import { figuresReady } from '../derived/read';
import {
  cancelRebuild,
  ensureFigures,
  repairFigures,
  watchRebuild,
  type RebuildProgress,
} from '../derived/rebuild';
import { RebuildCancelledError } from '../errors';

export type { RebuildProgress };

/** How a rebuild ended: done, or stopped by the user (the figures stay stale). */
export type RebuildOutcome = 'done' | 'cancelled';

export function createDerivedRepository(db: KenalDb) {
  const settle = (p: Promise<void>): Promise<RebuildOutcome> =>
    p.then(
      () => 'done' as const,
      (e: unknown) => {
        if (e instanceof RebuildCancelledError) return 'cancelled' as const;
        throw e;
      },
    );
  return {
    /** True when every screen can read the kept figures (a live query re-runs on change). */
    ready: () => figuresReady(db),
    /**
     * Rebuild when stale (after an upgrade, a restore or a rules change); aborting `signal`
     * stops it ('cancelled').
     */
    ensure: (signal?: AbortSignal) => settle(ensureFigures(db, signal)),
    /** Settings: rebuild every figure from the events; aborting `signal` stops it. */
    repair: (signal?: AbortSignal) => settle(repairFigures(db, signal)),
    /** Stop whatever rebuild runs (the progress bar's cancel button). */
    cancel: () => cancelRebuild(db),
    watch: (listener: (p: RebuildProgress | null) => void) => watchRebuild(db, listener),
  };
}

export type DerivedRepository = ReturnType<typeof createDerivedRepository>;
