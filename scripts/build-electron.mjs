// Bundles the Electron main process and preload into dist-electron/ as CommonJS.
// Everything except 'electron' is inlined, so the packaged app needs no node_modules, and the
// sandboxed preload (which may only require 'electron') works.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
  legalComments: 'none',
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist-electron/main.cjs',
    metafile: true,
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist-electron/preload.cjs',
    metafile: true,
  }),
]);

// Guard: the preload must stay tiny and must not pull in zod or shared/ runtime code.
const preloadInputs = Object.keys(results[1].metafile.inputs);
const leaked = preloadInputs.filter(
  (input) => input.includes('node_modules') || input.startsWith('shared/'),
);
if (leaked.length > 0) {
  console.error(`preload bundles code it must not: ${leaked.join(', ')}`);
  process.exit(1);
}
