/**
 * The one way to register IPC handlers (idea from desktop/desktop's ipc-main.ts): every handler
 * of a typed channel map goes through the same wrapper, which
 *   1. checks the sender: a live main frame of the app window showing the app's own index URL,
 *   2. validates the single argument with the channel's zod schema,
 *   3. validates what the handler returns,
 * and rejects with a clear Error otherwise. No handler can skip these checks.
 */
import { z } from 'zod';
import { isAppUrl } from './app-url';

export interface ChannelSpec {
  channel: string;
  args: z.ZodType;
  result: z.ZodType;
}
export type ChannelMap = Record<string, ChannelSpec>;

/** One handler per method: it receives the parsed argument and returns the (unparsed) result. */
export type HandlerMap<M extends ChannelMap> = {
  [K in keyof M]: (arg: z.output<M[K]['args']>) => Promise<z.input<M[K]['result']>>;
};

/** The parts of WebFrameMain we check; Electron's WebFrameMain satisfies this. */
export interface SenderFrame {
  readonly url: string;
  readonly frameToken: string;
  readonly parent: unknown;
  readonly detached: boolean;
}

export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/** The parts of ipcMain we use; Electron's ipcMain satisfies this. */
export interface IpcHandleTarget {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

export interface SenderPolicy {
  /** The app's own index URL (app://kenal/index.html, electron/app-protocol.ts). */
  appUrl: string;
  /** The main frame of the app window, or nothing when there is no live window. */
  mainFrame(): SenderFrame | null | undefined;
  onRefused?(channel: string, reason: string): void;
}

export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

/** Why a sender is refused, or null when it is the app window's main frame. */
export function senderRefusal(frame: SenderFrame | null | undefined, policy: SenderPolicy) {
  if (!frame) return 'no sender frame (it was destroyed or navigated away)';
  if (frame.detached) return 'the sender frame is detached';
  const main = policy.mainFrame();
  if (!main) return 'there is no app window';
  if (frame.parent !== null || frame.frameToken !== main.frameToken) {
    return 'the sender is not the main frame of the app window';
  }
  if (!isAppUrl(frame.url, policy.appUrl)) return `the sender URL is not the app (${frame.url})`;
  return null;
}

export function registerHandlers<M extends ChannelMap>(
  ipc: IpcHandleTarget,
  channels: M,
  handlers: HandlerMap<M>,
  policy: SenderPolicy,
): () => void {
  const methods = Object.keys(channels);
  // Exactly one handler per channel: a missing one would leave the renderer hanging, an extra
  // one would be dead code that looks registered.
  const extra = Object.keys(handlers).filter((m) => !methods.includes(m));
  if (extra.length > 0) throw new Error(`IPC handlers without a channel: ${extra.join(', ')}`);

  for (const method of methods) {
    const spec = channels[method];
    const handler = (handlers as Record<string, unknown>)[method];
    if (!spec || typeof handler !== 'function') {
      throw new Error(`IPC channel map has no handler for ${method}`);
    }
    const run = handler as (arg: unknown) => Promise<unknown>;
    const refuse = (reason: string): never => {
      policy.onRefused?.(spec.channel, reason);
      throw new IpcRefusedError(`${spec.channel} refused: ${reason}`);
    };

    ipc.handle(spec.channel, async (event, ...args) => {
      const refusal = senderRefusal(event.senderFrame, policy);
      if (refusal) return refuse(refusal);
      if (args.length > 1) return refuse(`expected one argument, got ${args.length}`);
      const parsed = spec.args.safeParse(args[0]);
      if (!parsed.success) return refuse(`invalid argument: ${z.prettifyError(parsed.error)}`);
      const result = await run(parsed.data);
      const checked = spec.result.safeParse(result);
      if (!checked.success) {
        throw new Error(`${spec.channel}: the handler returned an invalid result`);
      }
      return checked.data;
    });
  }
  return () => {
    for (const method of methods) {
      const spec = channels[method];
      if (spec) ipc.removeHandler(spec.channel);
    }
  };
}
