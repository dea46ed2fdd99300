/**
 * Where the offline web app's service worker may register. Electron serves the same build from
 * its own scheme and updates with the app, so it never gets one (a stale precache there would
 * pin an old renderer); a page without a secure http(s) origin cannot have one.
 */
export interface ServiceWorkerContext {
  /** The desktop app's preload bridge is present. */
  inElectron: boolean;
  /** location.protocol */
  protocol: string;
  /** window.isSecureContext (https, or http on localhost / 127.0.0.1) */
  secure: boolean;
  /** 'serviceWorker' in navigator */
  supported: boolean;
}

export function shouldRegisterServiceWorker(ctx: ServiceWorkerContext): boolean {
  if (ctx.inElectron || !ctx.supported || !ctx.secure) return false;
  return ctx.protocol === 'https:' || ctx.protocol === 'http:';
}

/** How often an open app asks the server whether a new version exists. */
export const UPDATE_CHECK_EVERY_MS = 60 * 60 * 1000;

interface UpdateCheckDeps {
  /** The registration's update(): fetches sw.js and installs a new version if it changed. */
  update: () => Promise<unknown>;
  /** The page's visibility and its visibilitychange event. */
  doc: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  /** Runs `run` every `ms` and returns the function that stops it (a timer by default). */
  repeat?: (run: () => void, ms: number) => () => void;
}

function repeatWithTimer(run: () => void, ms: number): () => void {
  const id = setInterval(run, ms);
  return () => clearInterval(id);
}

/**
 * The browser checks for a new service worker only on a navigation, and an installed app with
 * hash routes may stay open for days without one. So the app asks every hour and whenever it
 * comes back on screen. A check that fails (offline, server down) changes nothing. A new version
 * found this way waits for the user's "Reload" like any other. Returns the function that stops.
 */
export function watchForUpdates(deps: UpdateCheckDeps): () => void {
  const check = () => {
    deps.update().catch(() => undefined);
  };
  const onVisible = () => {
    if (deps.doc.visibilityState === 'visible') check();
  };
  const stopTimer = (deps.repeat ?? repeatWithTimer)(check, UPDATE_CHECK_EVERY_MS);
  deps.doc.addEventListener('visibilitychange', onVisible);
  return () => {
    stopTimer();
    deps.doc.removeEventListener('visibilitychange', onVisible);
  };
}
