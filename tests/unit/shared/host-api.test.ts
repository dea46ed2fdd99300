import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_URL_ALLOWLIST,
  HOST_CHANNELS,
  HOST_EVENT_METHODS,
  HOST_EVENTS,
  setLanguageArgsSchema,
  isAllowedExternalUrl,
  openExternalArgsSchema,
  openFileArgsSchema,
  saveFileArgsSchema,
} from '../../../shared/host-api';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://wa.me/6281234567890',
    'https://wa.me/6281234567890?text=Halo%20Siti',
    'https://api.whatsapp.com/send?phone=6281234567890',
    'https://WA.ME/6281234567890',
    'mailto:siti@example.id',
    'mailto:siti@example.id?subject=Halo',
    'tel:+6281234567890',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://wa.me/6281234567890',
    'https://wa.me.evil.com/6281234567890',
    'https://evil.com/wa.me',
    'https://evilwa.me/628',
    'https://user@wa.me/628',
    'https://user:pass@wa.me/628',
    'https://wa.me:8443/628',
    'https://wa.me@evil.com/628',
    'https://whatsapp.com/628',
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'smb://evil.com/share',
    'wa.me/6281234567890',
    '//wa.me/628',
    'garbage',
    '',
    ' ',
  ])('refuses %j', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('is what the openExternal channel validates with', () => {
    expect(openExternalArgsSchema.safeParse({ url: 'https://wa.me/628123' }).success).toBe(true);
    expect(openExternalArgsSchema.safeParse({ url: 'http://wa.me/628123' }).success).toBe(false);
    expect(openExternalArgsSchema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false);
    expect(HOST_CHANNELS.openExternal.args).toBe(openExternalArgsSchema);
  });

  it('only allowlists mail, phone and WhatsApp', () => {
    expect([...EXTERNAL_URL_ALLOWLIST.schemes].sort()).toEqual(['mailto:', 'tel:']);
    expect([...EXTERNAL_URL_ALLOWLIST.httpsHosts].sort()).toEqual(['api.whatsapp.com', 'wa.me']);
  });
});

describe('saveFileArgsSchema', () => {
  const base = { content: '{}', mimeType: 'application/json' };

  it('accepts a plain file name and defaults the filters', () => {
    const r = saveFileArgsSchema.safeParse({
      ...base,
      suggestedName: 'kenal-backup-2026-11-23.json',
    });
    expect(r.success).toBe(true);
    expect(r.data?.filters).toEqual([]);
    expect(saveFileArgsSchema.safeParse({ ...base, suggestedName: 'laporan..json' }).success).toBe(
      true,
    );
  });

  it.each([
    '../evil.json',
    '..\\evil.json',
    '/etc/passwd',
    'C:\\Windows\\evil.json',
    'sub/dir.json',
    'a\\b.json',
    '..',
    '.',
    '',
    'x'.repeat(201),
  ])('refuses the suggested name %j', (suggestedName) => {
    expect(saveFileArgsSchema.safeParse({ ...base, suggestedName }).success).toBe(false);
  });

  it('refuses a filter extension that is not a bare extension', () => {
    const r = saveFileArgsSchema.safeParse({
      ...base,
      suggestedName: 'a.json',
      filters: [{ name: 'JSON', extensions: ['*.json'] }],
    });
    expect(r.success).toBe(false);
  });
});

describe('openFileArgsSchema', () => {
  it('defaults a size limit and refuses a non-positive one', () => {
    const r = openFileArgsSchema.parse({});
    expect(r.maxBytes).toBeGreaterThan(0);
    expect(r.filters).toEqual([]);
    expect(openFileArgsSchema.safeParse({ maxBytes: 0 }).success).toBe(false);
    expect(openFileArgsSchema.safeParse({ maxBytes: 1.5 }).success).toBe(false);
  });
});

describe('HOST_CHANNELS', () => {
  it('has one distinct kenal: channel per method', () => {
    const channels = Object.values(HOST_CHANNELS).map((c) => c.channel);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^kenal:[a-zA-Z]+$/);
    // Every channel has its handler and preload method (tests/unit/electron); none is unnamed.
    for (const [method, spec] of Object.entries(HOST_CHANNELS)) {
      expect(spec.channel, method).toBe(`kenal:${method}`);
    }
  });

  it('lists exactly the HostApi requests and event subscriptions', () => {
    expect(Object.keys(HOST_CHANNELS).sort()).toEqual(
      [
        'appDataFolder',
        'chooseFolder',
        'getInfo',
        'listFolder',
        'notify',
        'openExternal',
        'openFile',
        'readFolderFile',
        'removeFolderFile',
        'saveFile',
        'setLanguage',
        'useFolder',
        'writeFolderFile',
      ].sort(),
    );
    expect([...HOST_EVENT_METHODS].sort()).toEqual(['onMenuCommand', 'onNotificationClick']);
    expect(Object.keys(HOST_EVENTS).sort()).toEqual(['menuCommand', 'notificationClick']);
  });

  it('setLanguage takes en or id only; menu commands are a closed list', () => {
    expect(setLanguageArgsSchema.safeParse({ language: 'id' }).success).toBe(true);
    expect(setLanguageArgsSchema.safeParse({ language: 'en' }).success).toBe(true);
    expect(setLanguageArgsSchema.safeParse({ language: 'fr' }).success).toBe(false);
    expect(HOST_CHANNELS.setLanguage.args).toBe(setLanguageArgsSchema);
    const payload = HOST_EVENTS.menuCommand.payload;
    expect(payload.safeParse('importContacts').success).toBe(true);
    expect(payload.safeParse('quit').success).toBe(false);
  });
});
