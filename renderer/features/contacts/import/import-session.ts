/** The page's side of the import worker: one worker per import, answered with promises. */
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import type { TextEncodingName } from '../../../../shared/text-encoding';
import type { WorkerRequest, WorkerResponse } from './protocol';

export type ParseResult = Extract<WorkerResponse, { type: 'parsed' | 'parse-error' }>;

export class ImportSession {
  private readonly worker = new Worker(new URL('./contacts-import.worker.ts', import.meta.url), {
    type: 'module',
  });

  private request<T extends WorkerResponse['type']>(
    message: WorkerRequest,
    until: T[],
    onProgress?: (done: number, total: number) => void,
    transfer: Transferable[] = [],
  ): Promise<Extract<WorkerResponse, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.worker.onerror = (e) => reject(new Error(e.message));
      this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if ((until as string[]).includes(m.type))
          resolve(m as Extract<WorkerResponse, { type: T }>);
      };
      this.worker.postMessage(message, transfer);
    });
  }

  /** Read a file's bytes (handed over to the worker, not copied). */
  parse(name: string, bytes: Uint8Array, knownFields: string[] = []): Promise<ParseResult> {
    return this.request(
      { type: 'parse', name, bytes, knownFields },
      ['parsed', 'parse-error'],
      undefined,
      [bytes.buffer],
    );
  }

  /** Read the same file again in another encoding. */
  reparse(encoding: TextEncodingName): Promise<ParseResult> {
    return this.request({ type: 'parse', name: '', encoding }, ['parsed', 'parse-error']);
  }

  prepare(
    request: Omit<Extract<WorkerRequest, { type: 'prepare' }>, 'type'>,
    onProgress: (done: number, total: number) => void,
  ): Promise<PreparedRow[]> {
    return this.request({ type: 'prepare', ...request }, ['prepared'], onProgress).then(
      (m) => m.rows,
    );
  }

  dispose(): void {
    this.worker.terminate();
  }
}
