import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const raw: unknown = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

const targets = z.array(z.object({ target: z.string() }));
const configSchema = z.object({
  appId: z.literal('id.kenal.app'),
  productName: z.literal('Kenal'),
  directories: z.object({ output: z.literal('release'), buildResources: z.literal('build') }),
  files: z.array(z.string()).min(1),
  icon: z.string(),
  win: z.object({ target: targets }),
  mac: z.object({ target: targets, category: z.literal('public.app-category.business') }),
  electronFuses: z.record(z.string(), z.boolean()),
  linux: z.object({
    target: targets,
    category: z.literal('Office'),
    maintainer: z.string().min(3),
  }),
});

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number; colourType: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} has no IHDR first`);
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    colourType: bytes[25] ?? -1,
  };
}

describe('electron-builder.yml', () => {
  const config = configSchema.parse(raw);

  it('builds NSIS, DMG, AppImage and deb', () => {
    const names = (t: z.infer<typeof targets>) => t.map((x) => x.target);
    expect(names(config.win.target)).toEqual(['nsis']);
    expect(names(config.mac.target)).toEqual(['dmg']);
    expect(names(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it("flips Electron's fuses to the security checklist's values (no file:// privileges: the app is served from app://)", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages only the built output and package.json', () => {
    const included = config.files.filter((f) => !f.startsWith('!'));
    expect(included.sort()).toEqual(['dist-electron/**', 'dist/**', 'package.json']);
    for (const pattern of included) {
      expect(pattern).not.toMatch(/^(src|tests|electron|renderer|shared|scripts)\b|^\*\*/);
    }
    expect(config.files).toContain('!**/node_modules/**');
  });

  it('has a 1024x1024 RGBA PNG icon and an SVG source', () => {
    const icon = path.join(root, config.icon);
    expect(existsSync(icon)).toBe(true);
    expect(pngSize(icon)).toEqual({ width: 1024, height: 1024, colourType: 6 });
    expect(readFileSync(path.join(root, 'build/icon.svg'), 'utf8')).toMatch(
      /^<svg [^>]*viewBox="0 0 1024 1024"/,
    );
  });

  it("passes electron-builder's own schema validation", async () => {
    // Internal module of electron-builder 26; if an upgrade moves it, update this path.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(raw, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...(raw as object), notAnOption: true }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  }, 60_000); // loading electron-builder's validator takes seconds on a busy machine
});
