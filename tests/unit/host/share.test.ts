import { describe, expect, it, vi } from 'vitest';
import { canShareFile, shareOrDownload, type ShareNavigator } from '../../../renderer/host/share';

const syncFile = () =>
  new File(['{"kind":"sync"}'], 'kenal-sync-01abcd-2026-12-03.json', { type: 'application/json' });

/** A phone browser's navigator (Android Chrome, iOS Safari): files can be shared. */
function phoneNavigator(share: ShareNavigator['share'] = () => Promise.resolve()) {
  return {
    canShare: vi.fn((data: ShareData) => (data.files ?? []).every((f) => f.size > 0)),
    share: vi.fn(share),
  };
}

describe('canShareFile', () => {
  it('shares on a touch-first device whose browser can share files', () => {
    expect(canShareFile({ nav: phoneNavigator(), touchFirst: true }, syncFile())).toBe(true);
    // Without a file: the probe the Sync card uses to name its button.
    expect(canShareFile({ nav: phoneNavigator(), touchFirst: true })).toBe(true);
  });

  it('downloads on a laptop even where its browser could share (the user wants the file on disk)', () => {
    expect(canShareFile({ nav: phoneNavigator(), touchFirst: false }, syncFile())).toBe(false);
  });

  it('downloads where the Web Share API is missing, shares no files, or throws', () => {
    const file = syncFile();
    expect(canShareFile({ nav: {}, touchFirst: true }, file)).toBe(false);
    // Headless Chromium and older browsers: share() without canShare(), or canShare() saying no.
    expect(canShareFile({ nav: { share: () => Promise.resolve() }, touchFirst: true }, file)).toBe(
      false,
    );
    expect(
      canShareFile(
        { nav: { share: () => Promise.resolve(), canShare: () => false }, touchFirst: true },
        file,
      ),
    ).toBe(false);
    const throwing = {
      share: () => Promise.resolve(),
      canShare: () => {
        throw new TypeError('files not supported');
      },
    };
    expect(canShareFile({ nav: throwing, touchFirst: true }, file)).toBe(false);
  });
});

describe('shareOrDownload', () => {
  it('hands the file to the share sheet and does not download it', async () => {
    const nav = phoneNavigator();
    const download = vi.fn();
    const file = syncFile();
    expect(await shareOrDownload({ nav, touchFirst: true }, file, download)).toBe('shared');
    expect(nav.share).toHaveBeenCalledWith({ files: [file], title: file.name });
    expect(download).not.toHaveBeenCalled();
  });

  it('a dismissed share sheet is cancelled: nothing downloaded, nothing counted as sent', async () => {
    const nav = phoneNavigator(() => Promise.reject(new DOMException('dismissed', 'AbortError')));
    const download = vi.fn();
    expect(await shareOrDownload({ nav, touchFirst: true }, syncFile(), download)).toBe(
      'cancelled',
    );
    expect(download).not.toHaveBeenCalled();
  });

  it('a share the browser refuses (the tap expired while the file was made) downloads instead', async () => {
    const nav = phoneNavigator(() =>
      Promise.reject(new DOMException('Must be handling a user gesture', 'NotAllowedError')),
    );
    const download = vi.fn();
    const file = syncFile();
    expect(await shareOrDownload({ nav, touchFirst: true }, file, download)).toBe('downloaded');
    expect(download).toHaveBeenCalledWith(file);
  });

  it('downloads where the device cannot share', async () => {
    const nav = phoneNavigator();
    const download = vi.fn();
    expect(await shareOrDownload({ nav, touchFirst: false }, syncFile(), download)).toBe(
      'downloaded',
    );
    expect(nav.share).not.toHaveBeenCalled();
    expect(download).toHaveBeenCalledTimes(1);
  });
});
