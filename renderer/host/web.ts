/**
 * HostApi on plain web APIs: what the app uses in a browser and in the end-to-end tests.
 * Files go through a download and a file input; notifications through the Notification API.
 */
import {
  isAllowedExternalUrl,
  openFileArgsSchema,
  saveFileArgsSchema,
  notifyArgsSchema,
  type HostApi,
  type OpenFileResult,
} from '../../shared/host-api';
import { browserShareContext, canShareFile, shareOrDownload } from './share';
import { createWebFolders } from './web-folders';

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Save through the browser's download. */
function download(file: File): void {
  const url = URL.createObjectURL(file);
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    a.rel = 'noopener';
    a.click();
  } finally {
    // Revoke after the click has been handled, or the download may be cut off.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function createWebHost(): HostApi {
  const clickListeners = new Set<(tag: string) => void>();
  return {
    ...createWebFolders(),
    async getInfo() {
      return {
        kind: 'web',
        appVersion: __APP_VERSION__,
        platform: navigator.platform,
        sharesFiles: canShareFile(browserShareContext()),
      };
    },

    async saveFile(raw) {
      const args = saveFileArgsSchema.parse(raw);
      const part: BlobPart = args.bytes
        ? new Uint8Array(args.bytes) // a copy on a plain ArrayBuffer, as Blob wants
        : (args.content ?? '');
      const file = new File([part], args.suggestedName, { type: args.mimeType });
      if (!args.share) {
        download(file);
        return { saved: true, location: args.suggestedName };
      }
      const delivery = await shareOrDownload(browserShareContext(), file, download);
      if (delivery === 'cancelled') return { saved: false };
      if (delivery === 'shared') return { saved: true, shared: true };
      return { saved: true, location: args.suggestedName };
    },

    async openFile(raw): Promise<OpenFileResult> {
      const args = openFileArgsSchema.parse(raw);
      const accept = args.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
      const file = await pickFile(accept);
      if (!file) return { status: 'cancelled' };
      if (file.size > args.maxBytes)
        return { status: 'too-large', name: file.name, size: file.size };
      if (args.asBytes)
        return {
          status: 'opened',
          file: {
            name: file.name,
            size: file.size,
            content: '',
            bytes: new Uint8Array(await file.arrayBuffer()),
          },
        };
      return {
        status: 'opened',
        file: { name: file.name, size: file.size, content: await file.text() },
      };
    },

    async openExternal({ url }) {
      if (!isAllowedExternalUrl(url)) throw new Error('URL not on the allowlist');
      window.open(url, '_blank', 'noopener,noreferrer');
    },

    async notify(raw) {
      const args = notifyArgsSchema.parse(raw);
      if (typeof Notification === 'undefined') return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission !== 'granted') return;
      const notification = new Notification(args.title, { body: args.body, tag: args.tag });
      notification.onclick = () => {
        window.focus();
        notification.close();
        for (const listener of clickListeners) listener(args.tag ?? '');
      };
    },

    // The browser has no native menu: nothing to label, no menu commands to report.
    async setLanguage() {},
    onMenuCommand() {
      return () => undefined;
    },

    onNotificationClick(listener) {
      clickListeners.add(listener);
      return () => {
        clickListeners.delete(listener);
      };
    },
  };
}
