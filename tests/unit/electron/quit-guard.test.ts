import { describe, expect, it, vi } from 'vitest';
import {
  createWriteTracker,
  installQuitGuard,
  trackHandlers,
  type QuitTarget,
} from '../../../electron/quit-guard';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Electron's app, reduced to quit(): emits before-quit, then will-quit, unless prevented. */
class FakeApp implements QuitTarget {
  private readonly listeners = new Map<string, ((e: { preventDefault(): void }) => void)[]>();
  exited = false;
  attempts = 0;
  on(event: string, listener: (e: { preventDefault(): void }) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  quit(): void {
    this.attempts += 1;
    for (const name of ['before-quit', 'will-quit']) {
      let prevented = false;
      for (const l of this.listeners.get(name) ?? [])
        l({ preventDefault: () => (prevented = true) });
      if (prevented) return;
    }
    this.exited = true;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('clean quit', () => {
  it('quits at once when nothing is being written', () => {
    const app = new FakeApp();
    installQuitGuard(app, createWriteTracker());
    app.quit();
    expect(app.exited).toBe(true);
  });

  it('waits for a write in progress, then quits', async () => {
    const app = new FakeApp();
    const writes = createWriteTracker();
    installQuitGuard(app, writes, { setTimer: () => undefined });
    const write = deferred();
    void writes.track(write.promise);
    app.quit();
    expect(app.exited).toBe(false);
    await tick();
    expect(app.exited).toBe(false);
    write.resolve();
    await tick();
    expect(app.exited).toBe(true);
  });

  it('also quits when the write fails (it settled)', async () => {
    const app = new FakeApp();
    const writes = createWriteTracker();
    installQuitGuard(app, writes, { setTimer: () => undefined });
    const write = deferred();
    writes.track(write.promise).catch(() => undefined);
    app.quit();
    write.reject(new Error('disk full'));
    await tick();
    expect(app.exited).toBe(true);
  });

  it('quits anyway when a write hangs past the deadline', async () => {
    const app = new FakeApp();
    const writes = createWriteTracker();
    let now = 0;
    let fire: (() => void) | undefined;
    const onTimeout = vi.fn();
    installQuitGuard(app, writes, {
      timeoutMs: 10_000,
      now: () => now,
      setTimer: (run, ms) => {
        expect(ms).toBe(10_000);
        fire = run;
      },
      onTimeout,
    });
    void writes.track(new Promise<void>(() => undefined)); // never settles
    app.quit();
    expect(app.exited).toBe(false);
    now = 10_000;
    fire!();
    await tick();
    expect(app.exited).toBe(true);
    expect(onTimeout).toHaveBeenCalledWith(1);
  });

  it('waits for writes that start while quitting (the window state saved on close)', async () => {
    const app = new FakeApp();
    const writes = createWriteTracker();
    installQuitGuard(app, writes, { setTimer: () => undefined });
    const first = deferred();
    const second = deferred();
    void writes.track(first.promise);
    app.quit();
    void writes.track(second.promise);
    first.resolve();
    await tick();
    expect(app.exited).toBe(false);
    second.resolve();
    await tick();
    expect(app.exited).toBe(true);
  });

  it('counts only the wrapped handlers as writes', async () => {
    const writes = createWriteTracker();
    const save = deferred();
    const handlers = trackHandlers(
      {
        saveFile: () => save.promise.then(() => ({ saved: true })),
        getInfo: () => new Promise<never>(() => undefined),
      },
      ['saveFile'],
      writes,
    );
    const saving = handlers.saveFile();
    void handlers.getInfo();
    expect(writes.pending).toBe(1);
    save.resolve();
    await expect(saving).resolves.toEqual({ saved: true });
    await tick();
    expect(writes.pending).toBe(0);
  });
});
