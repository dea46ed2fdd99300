/** The page's side of the import worker: one worker per import, answered with promises. */
import type { ColumnMapping } from '../../../../shared/contacts/import-mapping';
import type { PreparedRow } from '../../../../shared/contacts/import-rows';
import type { ImportFileKind } from '../../../../shared/contacts/file-kind';
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
  ): Promise<Extract<WorkerResponse, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.worker.onerror = (e) => reject(new Error(e.message));
      this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if ((until as string[]).includes(m.type))
          resolve(m as Extract<WorkerResponse, { type: T }>);
      };
      this.worker.postMessage(message);
    });
  }

  parse(text: string, kind: ImportFileKind): Promise<ParseResult> {
    return this.request({ type: 'parse', kind, text }, ['parsed', 'parse-error']);
  }

  prepare(
    mapping: ColumnMapping[],
    today: string,
    onProgress: (done: number, total: number) => void,
  ): Promise<PreparedRow[]> {
    return this.request({ type: 'prepare', mapping, today }, ['prepared'], onProgress).then(
      (m) => m.rows,
    );
  }

  dispose(): void {
    this.worker.terminate();
  }
}
