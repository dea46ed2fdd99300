import { lazy, Suspense } from 'react';
import { findBridge } from '../../host/electron';
import { shouldRegisterServiceWorker } from './service-worker';

/** Loaded only where a service worker may register: Electron never loads workbox-window. */
const UpdatePrompt = lazy(() =>
  import('./UpdatePrompt').then((m) => ({ default: m.UpdatePrompt })),
);

const enabled = shouldRegisterServiceWorker({
  inElectron: findBridge(window) !== undefined,
  protocol: window.location.protocol,
  secure: window.isSecureContext,
  supported: 'serviceWorker' in navigator,
});

/** The offline web app's service worker and its "new version available" prompt. */
export function OfflineApp() {
  if (!enabled) return null;
  return (
    <Suspense fallback={null}>
      <UpdatePrompt />
    </Suspense>
  );
}
