import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
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

export default defineConfig({
  root: 'renderer',
  base: './', // relative asset URLs so file:// works in Electron
  publicDir: 'public',
  plugins: [react(), contentSecurityPolicy()],
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
