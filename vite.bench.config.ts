/**
 * The benchmark page (bench/page): built from the same tree as the app, so scenarios can use the
 * real repositories and spawn the real workers. scripts/bench.mjs sets the output folder.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench/page',
  base: './',
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: {
    outDir: '../../dist/bench',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 5000,
  },
});
