import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  description: string;
};

/** The CSP goes into the built page only: the dev server's hot reload needs inline script. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kenal-csp',
    transformIndexHtml(html, ctx) {
      const tag = ctx.server
        ? ''
        : `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`;
      return html.replace('%CSP%', tag);
    },
  };
}

/**
 * The offline web app: a Workbox service worker that precaches every file of the build (so
 * after one visit the app opens with the network off) and a web app manifest (installable).
 * `registerType: 'prompt'`: a new version waits until the user presses "Reload" (never a swap
 * under a half-filled form). `injectRegister: false`: renderer/app/pwa registers it itself,
 * and never inside Electron, which serves the same build from its own scheme.
 */
function offlineWebApp() {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      id: './',
      name: 'Kenal',
      short_name: 'Kenal',
      description: pkg.description,
      lang: 'id',
      start_url: './',
      scope: './',
      display: 'standalone',
      orientation: 'any',
      theme_color: '#0ca678',
      background_color: '#ffffff',
      categories: ['business', 'productivity'],
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        {
          src: 'icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      // Every file the build writes (scripts, workers, styles, fonts, icons, the page).
      globPatterns: ['**/*.{html,js,mjs,css,svg,png,ico,woff,woff2,json,webmanifest}'],
      // The main chunk is large (Mantine, chart.js load lazily but are still precached).
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      // Hash routes: every navigation is the one page.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      skipWaiting: false,
      clientsClaim: false,
    },
  });
}

export default defineConfig({
  root: 'renderer',
  base: './', // relative asset URLs so file:// works in Electron
  publicDir: 'public',
  plugins: [react(), contentSecurityPolicy(), offlineWebApp()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
  },
  // ES module workers (all are created with type: 'module') so a worker can load a chunk on
  // demand: the contacts import loads its encoding detector only for legacy-encoded files.
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
