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
