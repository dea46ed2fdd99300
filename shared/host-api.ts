/**
 * HostApi: the one typed door between the renderer and whatever hosts it (DESIGN section 3).
 * The Electron adapter forwards each method over one IPC channel whose handler validates its
 * argument with the schema below; the web adapter implements the same methods on web APIs.
 */
import { z } from 'zod';

/** URL schemes and hosts the app may hand to the operating system. Everything else is refused. */
export const EXTERNAL_URL_ALLOWLIST = {
  schemes: ['mailto:', 'tel:'],
  httpsHosts: ['wa.me', 'api.whatsapp.com'],
} as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if ((EXTERNAL_URL_ALLOWLIST.schemes as readonly string[]).includes(url.protocol)) return true;
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    (EXTERNAL_URL_ALLOWLIST.httpsHosts as readonly string[]).includes(url.hostname)
  );
}

const MAX_FILE_CHARS = 200 * 1024 * 1024;

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const saveFileArgsSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'a file name, not a path'),
  content: z.string().max(MAX_FILE_CHARS),
  mimeType: z.string().min(1).max(100),
  filters: z.array(fileFilterSchema).max(10).default([]),
});
export type SaveFileArgs = z.input<typeof saveFileArgsSchema>;

export const saveFileResultSchema = z.object({
  saved: z.boolean(),
  /** Where it went, when the host knows (Electron: the chosen path; web: the download name). */
  location: z.string().optional(),
});
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;

export const openFileArgsSchema = z.object({
  filters: z.array(fileFilterSchema).max(10).default([]),
  /** Files larger than this are refused before they are read. */
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(MAX_FILE_CHARS)
    .default(50 * 1024 * 1024),
});
export type OpenFileArgs = z.input<typeof openFileArgsSchema>;

export const openedFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  content: z.string(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

/** Either the file, nothing (the user cancelled), or a reason it could not be read. */
export const openFileResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), file: openedFileSchema }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('too-large'), name: z.string(), size: z.number() }),
]);
export type OpenFileResult = z.infer<typeof openFileResultSchema>;

export const openExternalArgsSchema = z.object({
  url: z.string().max(8192).refine(isAllowedExternalUrl, 'URL not on the allowlist'),
});
export type OpenExternalArgs = z.infer<typeof openExternalArgsSchema>;

export const notifyArgsSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000).default(''),
  /** Opaque tag the renderer uses to know what a click on the notification means. */
  tag: z.string().max(200).optional(),
});
export type NotifyArgs = z.input<typeof notifyArgsSchema>;

export const hostInfoSchema = z.object({
  kind: z.enum(['electron', 'web']),
  appVersion: z.string(),
  platform: z.string(),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;

export interface HostApi {
  /** What is hosting the renderer. */
  getInfo(): Promise<HostInfo>;
  /** Ask the user where to save a text file, then write it atomically. */
  saveFile(args: SaveFileArgs): Promise<SaveFileResult>;
  /** Let the user pick one text file and return its content. */
  openFile(args: OpenFileArgs): Promise<OpenFileResult>;
  /** Open an allowlisted URL (wa.me, mailto:, tel:) with the operating system. */
  openExternal(args: OpenExternalArgs): Promise<void>;
  /** Show an operating-system notification. */
  notify(args: NotifyArgs): Promise<void>;
  /**
   * Be told when the user clicks a notification this app showed (with the `tag` it was shown
   * with). Returns a function that unsubscribes.
   */
  onNotificationClick(listener: (tag: string) => void): () => void;
}

/** HostApi methods that are requests (one IPC invoke each); the rest are event subscriptions. */
export type HostRequestMethod = Exclude<keyof HostApi, 'onNotificationClick'>;

/**
 * One IPC channel per HostApi method. The Electron main process registers a handler for each,
 * validating the argument with `args` (or refusing it), and the preload exposes exactly these.
 */
export const HOST_CHANNELS = {
  getInfo: { channel: 'kenal:getInfo', args: z.undefined(), result: hostInfoSchema },
  saveFile: { channel: 'kenal:saveFile', args: saveFileArgsSchema, result: saveFileResultSchema },
  openFile: { channel: 'kenal:openFile', args: openFileArgsSchema, result: openFileResultSchema },
  openExternal: {
    channel: 'kenal:openExternal',
    args: openExternalArgsSchema,
    result: z.undefined(),
  },
  notify: { channel: 'kenal:notify', args: notifyArgsSchema, result: z.undefined() },
} as const satisfies Record<
  HostRequestMethod,
  { channel: string; args: z.ZodType; result: z.ZodType }
>;

/** Events the host sends to the renderer, each on its own channel with a validated payload. */
export const HOST_EVENTS = {
  notificationClick: { channel: 'kenal:notificationClick', payload: z.string().max(200) },
} as const;

export type HostMethod = keyof typeof HOST_CHANNELS;

/** The name under which the preload exposes HostApi on `window`. */
export const HOST_GLOBAL = 'kenalHost';
