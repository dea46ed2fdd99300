/**
 * Files on a phone: a phone has no sync folder and a download lands somewhere the user rarely
 * looks, so where the browser can share files (the Web Share API, Android and iOS) a file goes
 * to the system share sheet (WhatsApp, Drive, Bluetooth...). A laptop's browser may share files
 * too, but there the user wants the file on disk: only a touch-first device shares.
 */
export interface ShareNavigator {
  canShare?: (data: ShareData) => boolean;
  share?: (data: ShareData) => Promise<void>;
}

export interface ShareContext {
  nav: ShareNavigator;
  /** The primary pointer is a finger: `(pointer: coarse)`. */
  touchFirst: boolean;
}

/** This browser can hand `file` (or, without one, a small JSON file) to the share sheet. */
export function canShareFile(ctx: ShareContext, file?: File): boolean {
  const { nav } = ctx;
  if (!ctx.touchFirst || typeof nav.share !== 'function' || typeof nav.canShare !== 'function')
    return false;
  const probe = file ?? new File(['{}'], 'kenal.json', { type: 'application/json' });
  try {
    return nav.canShare({ files: [probe] });
  } catch {
    return false;
  }
}

export type Delivery = 'shared' | 'cancelled' | 'downloaded';

/**
 * Share the file where the device can, download it otherwise. A dismissed share sheet is
 * `cancelled` (nothing was sent); a share the browser refuses (NotAllowedError: the tap that
 * asked has expired while a large file was made; or a target that failed) falls back to the
 * download, so the user always gets the file.
 */
export async function shareOrDownload(
  ctx: ShareContext,
  file: File,
  download: (file: File) => void,
): Promise<Delivery> {
  if (canShareFile(ctx, file)) {
    try {
      await ctx.nav.share!({ files: [file], title: file.name });
      return 'shared';
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') return 'cancelled';
    }
  }
  download(file);
  return 'downloaded';
}

/** The share context of this page. */
export function browserShareContext(): ShareContext {
  return {
    nav: navigator,
    touchFirst: typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches,
  };
}
