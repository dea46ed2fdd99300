/**
 * HostApi: the one typed door between the renderer and whatever hosts it (ARCHITECTURE.md
 * "The host bridge").
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

/**
 * Save a file: text in `content`, or binary data (a chart's PNG) in `bytes`, exactly one of the
 * two. `bytes` crosses IPC as a typed array (structured clone, no base64) and is written byte for
 * byte.
 */
export const saveFileArgsSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'a file name, not a path'),
    content: z.string().max(MAX_FILE_CHARS).optional(),
    bytes: z
      .instanceof(Uint8Array)
      .refine((b) => b.byteLength <= MAX_FILE_CHARS, 'file too large')
      .optional(),
    mimeType: z.string().min(1).max(100),
    filters: z.array(fileFilterSchema).max(10).default([]),
    /**
     * Hand the file to the system share sheet where the host has one for files (a phone's
     * browser: WhatsApp, Drive, Bluetooth...); every other host saves it as usual.
     */
    share: z.boolean().optional(),
  })
  .refine((a) => (a.content === undefined) !== (a.bytes === undefined), {
    message: 'either content or bytes',
    path: ['content'],
  });
export type SaveFileArgs = z.input<typeof saveFileArgsSchema>;

export const saveFileResultSchema = z.object({
  saved: z.boolean(),
  /** Where it went, when the host knows (Electron: the chosen path; web: the download name). */
  location: z.string().optional(),
  /** It went to the share sheet (and on to whatever the user chose there), not to a file. */
  shared: z.boolean().optional(),
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
  /**
   * Hand back the file's bytes (in `bytes`, `content` empty) instead of UTF-8 text: for files
   * other software wrote in another encoding (a contacts CSV from Excel), decoded by the caller.
   */
  asBytes: z.boolean().optional(),
});
export type OpenFileArgs = z.input<typeof openFileArgsSchema>;

export const openedFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  content: z.string(),
  bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array, 'not bytes').optional(),
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
  /** `saveFile({ share: true })` opens the system share sheet here (a phone's browser). */
  sharesFiles: z.boolean().optional(),
});
export type HostInfo = z.infer<typeof hostInfoSchema>;

/**
 * A folder the host may read and write in: an absolute path in the desktop app (the main process
 * keeps an allowlist), an opaque id of a stored directory handle in the browser.
 */
export const folderSchema = z.string().min(1).max(4096);

/** A plain file name: no path separators, no `..`, no NUL, not absolute. */
export function isPlainFileName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 255 &&
    !/[\\/:]/.test(name) &&
    !name.includes('\0') &&
    name !== '.' &&
    name !== '..' &&
    !name.startsWith('..')
  );
}
export const plainFileNameSchema = z.string().refine(isPlainFileName, 'a plain file name');

export const folderPurposeSchema = z.enum(['sync', 'backups']);
export type FolderPurpose = z.infer<typeof folderPurposeSchema>;

export const chooseFolderArgsSchema = z.object({ purpose: folderPurposeSchema });
export type ChooseFolderArgs = z.infer<typeof chooseFolderArgsSchema>;

/** `unsupported`: this host has no folder access (a browser without the File System Access API). */
export const chooseFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), folder: folderSchema, label: z.string().max(4096) }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('unsupported') }),
]);
export type ChooseFolderResult = z.infer<typeof chooseFolderResultSchema>;

export const useFolderArgsSchema = z.object({
  folder: folderSchema,
  /** Browser only: ask the user to grant access again (needs a click). */
  askPermission: z.boolean().default(false),
});
export type UseFolderArgs = z.input<typeof useFolderArgsSchema>;

/**
 * Whether a folder remembered from an earlier session can be used now. `missing`: gone or not a
 * folder; `permission`: the browser needs the user to allow access again.
 */
export const useFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), label: z.string().max(4096) }),
  z.object({ status: z.literal('missing') }),
  z.object({ status: z.literal('permission') }),
  z.object({ status: z.literal('unsupported') }),
]);
export type UseFolderResult = z.infer<typeof useFolderResultSchema>;

export const folderArgsSchema = z.object({ folder: folderSchema });
export type FolderArgs = z.infer<typeof folderArgsSchema>;

export const folderEntrySchema = z.object({
  name: z.string().max(255),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number().nonnegative(),
});
export const listFolderResultSchema = z.array(folderEntrySchema).max(100_000);
export type ListFolderResult = z.infer<typeof listFolderResultSchema>;

export const readFolderFileArgsSchema = z.object({
  folder: folderSchema,
  name: plainFileNameSchema,
  maxBytes: z.number().int().positive().max(MAX_FILE_CHARS),
});
export type ReadFolderFileArgs = z.infer<typeof readFolderFileArgsSchema>;

export const readFolderFileResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('read'), content: z.string(), size: z.number().int() }),
  z.object({ status: z.literal('missing') }),
  z.object({ status: z.literal('too-large'), size: z.number() }),
]);
export type ReadFolderFileResult = z.infer<typeof readFolderFileResultSchema>;

export const writeFolderFileArgsSchema = z.object({
  folder: folderSchema,
  name: plainFileNameSchema,
  content: z.string().max(MAX_FILE_CHARS),
});
export type WriteFolderFileArgs = z.infer<typeof writeFolderFileArgsSchema>;

export const removeFolderFileArgsSchema = z.object({
  folder: folderSchema,
  name: plainFileNameSchema,
});
export type RemoveFolderFileArgs = z.infer<typeof removeFolderFileArgsSchema>;

export const appDataFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), folder: folderSchema }),
  z.object({ status: z.literal('unsupported') }),
]);
export type AppDataFolderResult = z.infer<typeof appDataFolderResultSchema>;

/** The UI languages the desktop menu is labelled in (the renderer's i18n languages). */
export const setLanguageArgsSchema = z.object({ language: z.enum(['en', 'id']) });
export type SetLanguageArgs = z.infer<typeof setLanguageArgsSchema>;

/**
 * Application-menu commands the renderer carries out (the main process handles "About" and
 * "Open data folder" itself; 'about' is listed so a host may forward it too).
 */
export const MENU_COMMANDS = [
  'backup',
  'restore',
  'importContacts',
  'exportContacts',
  'about',
] as const;
export const menuCommandSchema = z.enum(MENU_COMMANDS);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

/**
 * Files the host lets the renderer delete: this device's own sync files (the host only accepts
 * device ids it wrote a file for in this session) and automatic backups.
 */
export const REMOVABLE_FILE =
  /^kenal-(?:([0-9A-HJKMNP-TV-Z]{16})-(?:snap|seg)-[0-9-]+|auto-backup-[0-9-]+)\.json$/;

export interface HostApi {
  /** What is hosting the renderer. */
  getInfo(): Promise<HostInfo>;
  /** Ask the user where to save a text or binary file, then write it atomically. */
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
  /** Let the user pick a folder (the sync folder, or where automatic backups go). */
  chooseFolder(args: ChooseFolderArgs): Promise<ChooseFolderResult>;
  /** Use a folder remembered from an earlier session again (it must still exist). */
  useFolder(args: UseFolderArgs): Promise<UseFolderResult>;
  /** The app's own folder for automatic backups (desktop only). */
  appDataFolder(): Promise<AppDataFolderResult>;
  /** The plain files in a folder the user chose (no subfolders, no symlinks). */
  listFolder(args: FolderArgs): Promise<ListFolderResult>;
  readFolderFile(args: ReadFolderFileArgs): Promise<ReadFolderFileResult>;
  /** Write atomically: temp file, fsync, rename. */
  writeFolderFile(args: WriteFolderFileArgs): Promise<void>;
  /** Delete one of this device's own sync files or an automatic backup (see REMOVABLE_FILE). */
  removeFolderFile(args: RemoveFolderFileArgs): Promise<void>;
  /** Tell the host the UI language, so native parts (the desktop menu) match it. */
  setLanguage(args: SetLanguageArgs): Promise<void>;
  /**
   * Be told when the user picks an application-menu command the renderer carries out (desktop
   * only; the browser never fires it). Returns a function that unsubscribes.
   */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** HostApi methods that are requests (one IPC invoke each); the rest are event subscriptions. */
export type HostRequestMethod = Exclude<keyof HostApi, HostEventMethod>;
/** HostApi methods that subscribe to host -> renderer events. */
export type HostEventMethod = 'onNotificationClick' | 'onMenuCommand';
export const HOST_EVENT_METHODS = [
  'onNotificationClick',
  'onMenuCommand',
] as const satisfies readonly HostEventMethod[];

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
  chooseFolder: {
    channel: 'kenal:chooseFolder',
    args: chooseFolderArgsSchema,
    result: chooseFolderResultSchema,
  },
  useFolder: {
    channel: 'kenal:useFolder',
    args: useFolderArgsSchema,
    result: useFolderResultSchema,
  },
  appDataFolder: {
    channel: 'kenal:appDataFolder',
    args: z.undefined(),
    result: appDataFolderResultSchema,
  },
  listFolder: {
    channel: 'kenal:listFolder',
    args: folderArgsSchema,
    result: listFolderResultSchema,
  },
  readFolderFile: {
    channel: 'kenal:readFolderFile',
    args: readFolderFileArgsSchema,
    result: readFolderFileResultSchema,
  },
  writeFolderFile: {
    channel: 'kenal:writeFolderFile',
    args: writeFolderFileArgsSchema,
    result: z.undefined(),
  },
  removeFolderFile: {
    channel: 'kenal:removeFolderFile',
    args: removeFolderFileArgsSchema,
    result: z.undefined(),
  },
  setLanguage: {
    channel: 'kenal:setLanguage',
    args: setLanguageArgsSchema,
    result: z.undefined(),
  },
} as const satisfies Record<
  HostRequestMethod,
  { channel: string; args: z.ZodType; result: z.ZodType }
>;

/** Events the host sends to the renderer, each on its own channel with a validated payload. */
export const HOST_EVENTS = {
  notificationClick: { channel: 'kenal:notificationClick', payload: z.string().max(200) },
  menuCommand: { channel: 'kenal:menuCommand', payload: menuCommandSchema },
} as const;

export type HostMethod = keyof typeof HOST_CHANNELS;

/** The name under which the preload exposes HostApi on `window`. */
export const HOST_GLOBAL = 'kenalHost';
