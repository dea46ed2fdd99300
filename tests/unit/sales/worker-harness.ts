/**
 * The sales import worker run in Node: `self` stands in for the worker scope, so a test sends
 * the worker's own 'start' message and gets its final answer (progress is dropped).
 */
import type { FromWorker, ToWorker } from '../../../renderer/features/sales/sales-import-messages';

type Start = Extract<ToWorker, { type: 'start' }>;

export async function loadSalesWorker(): Promise<
  (start: Omit<Start, 'type' | 'file'> & { text: string }) => Promise<FromWorker>
> {
  let listener: ((e: { data: ToWorker }) => void) | undefined;
  let waiting: ((m: FromWorker) => void) | undefined;
  (globalThis as { self?: unknown }).self = {
    postMessage: (m: FromWorker) => {
      if (m.type !== 'progress') waiting?.(m);
    },
    addEventListener: (_: string, l: typeof listener) => {
      listener = l;
    },
  };
  await import('../../../renderer/features/sales/sales-import.worker');
  return ({ text, ...rest }) =>
    new Promise((resolve) => {
      waiting = resolve;
      // A real Blob: the worker reads the bytes and detects their encoding, as with a chosen file.
      const file = new Blob([text], { type: 'text/csv' }) as File;
      listener!({ data: { type: 'start', file, ...rest } });
    });
}
