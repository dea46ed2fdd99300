/**
 * A clean quit: a file write that has started (a backup being saved, a sync file) finishes
 * before the app exits, so quitting never leaves a temp file instead of the user's backup.
 * The wait is bounded: a write that hangs (a dead network drive) cannot keep the app open.
 */

/** Counts writes in flight; `idle()` resolves when none is left (including ones started later). */
export interface WriteTracker {
  track<T>(work: Promise<T>): Promise<T>;
  readonly pending: number;
  idle(): Promise<void>;
}

export function createWriteTracker(): WriteTracker {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      inFlight.add(settled);
      void settled.then(() => inFlight.delete(settled));
      return work;
    },
    get pending() {
      return inFlight.size;
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}

/** Wraps the named handlers so each call counts as a write in flight until it settles. */
export function trackHandlers<H extends Record<string, unknown>, K extends keyof H>(
  handlers: H,
  names: readonly K[],
  tracker: WriteTracker,
): H {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const name of names) {
    const original = handlers[name] as (arg: unknown) => Promise<unknown>;
    wrapped[name as string] = (arg: unknown) => tracker.track(original(arg));
  }
  return wrapped as H;
}

/** The part of Electron's `app` we need. */
export interface QuitTarget {
  on(
    event: 'before-quit' | 'will-quit',
    listener: (event: { preventDefault(): void }) => void,
  ): unknown;
  quit(): void;
}

export interface QuitGuardOptions {
  /** Longest total wait for writes before quitting anyway. */
  timeoutMs?: number;
  now?(): number;
  setTimer?(run: () => void, ms: number): unknown;
  onTimeout?(pending: number): void;
}

/**
 * Holds back 'before-quit' and 'will-quit' (window-state is saved when the window closes,
 * between the two) while writes are in flight, then quits again once they settle or the
 * deadline passes, whichever is first.
 */
export function installQuitGuard(
  app: QuitTarget,
  tracker: WriteTracker,
  options: QuitGuardOptions = {},
): void {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  let deadline: number | undefined;
  let waiting = false;

  const guard = (event: { preventDefault(): void }) => {
    if (tracker.pending === 0) {
      deadline = undefined;
      return;
    }
    deadline ??= now() + timeoutMs;
    const remaining = deadline - now();
    if (remaining <= 0) {
      options.onTimeout?.(tracker.pending);
      return; // waited long enough: let it quit
    }
    event.preventDefault();
    if (waiting) return;
    waiting = true;
    void new Promise<void>((resolve) => {
      setTimer(resolve, remaining);
      void tracker.idle().then(resolve);
    }).then(() => {
      waiting = false;
      app.quit();
    });
  };
  app.on('before-quit', guard);
  app.on('will-quit', guard);
}
