import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/atomic-write';
import {
  initialWindowState,
  loadWindowState,
  trackWindowState,
  windowStatePath,
  type Rect,
  type TrackedWindow,
  type WindowState,
} from '../../../electron/window-state';

const DEFAULTS = { width: 1200, height: 800 };
const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'kenal-window-state-'));
}

describe('loading the window state', () => {
  it('reads a saved state back', async () => {
    const dir = await tempDir();
    const saved: WindowState = { x: 40, y: 30, width: 1000, height: 700, maximized: true };
    await writeFile(windowStatePath(dir), JSON.stringify(saved));
    expect(loadWindowState(windowStatePath(dir))).toEqual(saved);
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"x": 1, "y'],
    ['the wrong shape', JSON.stringify({ x: 'left', y: 0, width: 800, height: 600 })],
    ['absurd sizes', JSON.stringify({ x: 0, y: 0, width: 5, height: -3, maximized: false })],
    ['not an object', '[]'],
  ])('ignores a %s file and opens with the defaults', async (_what, content) => {
    const dir = await tempDir();
    if (content !== null) await writeFile(windowStatePath(dir), content);
    const state = loadWindowState(windowStatePath(dir));
    expect(state).toBeNull();
    expect(initialWindowState(state, [PRIMARY], PRIMARY, DEFAULTS)).toEqual({
      bounds: DEFAULTS,
      maximized: false,
    });
  });
});

describe('placing the window', () => {
  it('keeps a position that is on a display, on a second monitor too', () => {
    const onRight = { x: 2000, y: 100, width: 1000, height: 700, maximized: false };
    expect(initialWindowState(onRight, [PRIMARY, RIGHT], PRIMARY, DEFAULTS)).toEqual({
      bounds: { x: 2000, y: 100, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it('moves a window whose monitor is gone onto the primary display, centred and fitting', () => {
    const onRight = { x: 2000, y: 100, width: 1600, height: 1200, maximized: false };
    const { bounds } = initialWindowState(onRight, [PRIMARY], PRIMARY, DEFAULTS);
    expect(bounds).toEqual({ x: 160, y: 0, width: 1600, height: 1040 });
    const far = { x: -9000, y: -9000, width: 800, height: 600, maximized: false };
    const placed = initialWindowState(far, [PRIMARY], PRIMARY, DEFAULTS).bounds;
    expect(overlapsFully(placed, PRIMARY)).toBe(true);
  });

  it('pulls a window that only peeks onto a display back so its title bar is reachable', () => {
    // Only 150×150 px of it show in the top-left corner, its title bar above the screen.
    const peeking = { x: -850, y: -550, width: 1000, height: 700, maximized: false };
    const { bounds } = initialWindowState(peeking, [PRIMARY], PRIMARY, DEFAULTS);
    expect(bounds.x).toBeGreaterThanOrEqual(PRIMARY.x);
    expect(bounds.y).toBeGreaterThanOrEqual(PRIMARY.y);
  });

  it('restores the maximized state, wherever the window lands', () => {
    const max = { x: 10, y: 10, width: 1000, height: 700, maximized: true };
    expect(initialWindowState(max, [PRIMARY], PRIMARY, DEFAULTS).maximized).toBe(true);
    const gone = { ...max, x: 5000 };
    expect(initialWindowState(gone, [PRIMARY], PRIMARY, DEFAULTS).maximized).toBe(true);
  });
});

function overlapsFully(
  inner: { x?: number; y?: number; width: number; height: number },
  outer: Rect,
) {
  const x = inner.x ?? NaN;
  const y = inner.y ?? NaN;
  return (
    x >= outer.x &&
    y >= outer.y &&
    x + inner.width <= outer.x + outer.width &&
    y + inner.height <= outer.y + outer.height
  );
}

class FakeWindow implements TrackedWindow {
  private readonly listeners = new Map<string, (() => void)[]>();
  bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  minimized = false;
  fullScreen = false;
  on(event: string, listener: () => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emit(event: string) {
    for (const l of this.listeners.get(event) ?? []) l();
  }
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isFullScreen = () => this.fullScreen;
}

function manualTimers() {
  const timers = new Set<{ run: () => void }>();
  return {
    setTimer: (run: () => void) => {
      const t = { run };
      timers.add(t);
      return t;
    },
    clearTimer: (t: unknown) => void timers.delete(t as { run: () => void }),
    flush: () => {
      for (const t of [...timers]) {
        timers.delete(t);
        t.run();
      }
    },
    get size() {
      return timers.size;
    },
  };
}

describe('saving the window state', () => {
  it('saves once after a burst of moves and resizes, and again on close', async () => {
    const dir = await tempDir();
    const file = windowStatePath(dir);
    const writes: Promise<void>[] = [];
    const timers = manualTimers();
    const win = new FakeWindow();
    trackWindowState(win, {
      file,
      write: (f, data) => writeFileAtomic(f, data),
      track: (saving) => writes.push(saving),
      ...timers,
    });
    win.emit('move');
    win.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    win.emit('resize');
    win.emit('move');
    expect(writes).toEqual([]);
    timers.flush();
    expect(writes).toHaveLength(1);
    win.maximized = true;
    win.emit('maximize');
    win.emit('close');
    expect(timers.size).toBe(0);
    expect(writes).toHaveLength(2);
    // The last save queued settles after the earlier one: the file has the latest state.
    await writes[1];
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      x: 50,
      y: 60,
      width: 1100,
      height: 750,
      maximized: true,
    });
    // What was saved opens the window where it was.
    expect(loadWindowState(file)).toEqual({
      x: 50,
      y: 60,
      width: 1100,
      height: 750,
      maximized: true,
    });
  });

  it('does not save the bounds of a minimized or full-screen window', () => {
    const writes: string[] = [];
    const win = new FakeWindow();
    trackWindowState(win, {
      file: '/x',
      write: async (_f, d) => void writes.push(d),
      track: (saving) => writes.push(`queued ${String(saving)}`),
      ...manualTimers(),
    });
    win.minimized = true;
    win.emit('close');
    win.minimized = false;
    win.fullScreen = true;
    win.emit('close');
    expect(writes).toEqual([]);
  });
});
