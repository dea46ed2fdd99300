/**
 * Remembers the app window's size, position and maximized state between runs, in
 * userData/window-state.json. Reading is forgiving (a missing or corrupt file means defaults);
 * writing is atomic. Electron's window and screen are passed in, so this runs under plain Node.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(100).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: size,
  height: size,
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the window is opened with: bounds (x/y absent = let the OS centre it) and maximized. */
export interface InitialWindowState {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export function windowStatePath(userDataDir: string): string {
  return path.join(userDataDir, WINDOW_STATE_FILE);
}

/**
 * The saved state, or null when there is none or it is not valid (it is then ignored). Read
 * synchronously: it is tiny, and the window cannot be created before its bounds are known.
 */
export function loadWindowState(
  file: string,
  read: (file: string) => string = (f) => readFileSync(f, 'utf8'),
): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(read(file)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // missing, unreadable, or not JSON
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How much of the window must show on a display to count as reachable (title bar and a bit). */
const MIN_VISIBLE = 100;

/**
 * Where to open the window. A saved position that still shows at least MIN_VISIBLE×MIN_VISIBLE
 * px on some display's work area is kept (size capped to that display); otherwise (the monitor
 * was unplugged, the resolution shrank) the window is centred on the primary display.
 */
export function initialWindowState(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
  defaults: { width: number; height: number },
): InitialWindowState {
  if (!saved) return { bounds: { ...defaults }, maximized: false };
  const best = workAreas
    .map((area) => ({ area, shown: overlap(saved, area) }))
    .sort((a, b) => b.shown - a.shown)[0];
  if (best && best.shown >= MIN_VISIBLE * MIN_VISIBLE) {
    const width = Math.min(saved.width, best.area.width);
    const height = Math.min(saved.height, best.area.height);
    // Keep the title bar on screen: pull the top-left inside the work area if needed.
    const x = clamp(saved.x, best.area.x, best.area.x + best.area.width - MIN_VISIBLE);
    const y = clamp(saved.y, best.area.y, best.area.y + best.area.height - MIN_VISIBLE);
    return { bounds: { x, y, width, height }, maximized: saved.maximized };
  }
  const width = Math.min(saved.width, primary.width);
  const height = Math.min(saved.height, primary.height);
  return {
    bounds: {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved.maximized,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

/** The parts of BrowserWindow we read and listen to. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
}

export interface WindowStateKeeperDeps {
  file: string;
  /** An atomic write (electron/atomic-write.ts). */
  write(file: string, data: string): Promise<void>;
  /** Told about each save from the moment it is queued (main counts it for a clean quit). */
  track?(saving: Promise<void>): void;
  debounceMs?: number;
  setTimer?(run: () => void, ms: number): unknown;
  clearTimer?(handle: unknown): void;
  onError?(error: unknown): void;
}

/**
 * Saves the window's state after it stops moving or resizing (debounced) and when it closes.
 * The normal (restored) bounds are saved, so un-maximizing next time gives the old size back.
 */
export function trackWindowState(win: TrackedWindow, deps: WindowStateKeeperDeps): void {
  const debounceMs = deps.debounceMs ?? 500;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let timer: unknown;
  let last = '';
  let queue: Promise<void> = Promise.resolve();

  const save = () => {
    timer = undefined;
    // A minimized or full-screen window's bounds say nothing about where the user wants it.
    if (win.isMinimized() || win.isFullScreen()) return;
    const bounds = win.getNormalBounds();
    const state = windowStateSchema.safeParse({
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      width: Math.round(bounds.width),
      height: Math.round(bounds.height),
      maximized: win.isMaximized(),
    });
    if (!state.success) return;
    const json = JSON.stringify(state.data);
    if (json === last) return;
    last = json;
    // One write at a time, in order: two overlapping atomic writes could finish out of order
    // and leave the older state on disk.
    queue = queue.then(() =>
      deps.write(deps.file, json).catch((error: unknown) => {
        last = '';
        deps.onError?.(error);
      }),
    );
    deps.track?.(queue);
  };
  const schedule = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(save, debounceMs);
  };

  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', () => {
    if (timer !== undefined) clearTimer(timer);
    save();
  });
}
