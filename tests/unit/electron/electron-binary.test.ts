import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/electron-binary';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kenal-electron-bin-'));
  await mkdir(path.join(root, 'node_modules', 'electron'), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findElectronBinary (the Electron suite skips when it returns null)', () => {
  it('returns null when path.txt is missing (binary never downloaded)', () => {
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('returns null when path.txt names a binary that is not in dist/', async () => {
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('finds dist/<path.txt> when it exists', async () => {
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    await mkdir(path.join(root, 'node_modules/electron/dist'));
    await writeFile(path.join(root, 'node_modules/electron/dist/electron'), '');
    expect(findElectronBinary(root, {})).toBe(
      path.join(root, 'node_modules/electron/dist/electron'),
    );
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const override = path.join(root, 'custom');
    await mkdir(override);
    await writeFile(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    await writeFile(path.join(override, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(
      path.join(override, 'electron'),
    );
  });

  it('reports no binary in this repository, where none was downloaded', () => {
    const repo = path.resolve(import.meta.dirname, '../../..');
    expect(findElectronBinary(repo, {})).toBeNull();
  });
});
