/**
 * Reads and computes the reports off the UI thread. The worker opens the same IndexedDB
 * database through the reports repository and reads it page by page (so deserializing a million
 * rows never blocks the window), keeps the compact dataset, and answers each period change with
 * one 'compute' message, posting progress as it goes.
 */
/// <reference lib="webworker" />
import { computeReport, drillCustomers, type ReportDataset } from '../../../shared/reports';
import { openRepositories, type Repositories } from '../../db';
import type { FromWorker, ToWorker } from './worker-protocol';

let dataset: ReportDataset | null = null;
let repos: { name: string; repos: Promise<Repositories> } | null = null;
let reading: AbortController | null = null;
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

function fail(id: number, err: unknown) {
  post({
    type: 'error',
    id,
    message: err instanceof Error ? err.message : String(err),
    name: err instanceof Error ? err.name : undefined,
  });
}

async function read(id: number, dbName: string) {
  reading?.abort();
  const ctrl = new AbortController();
  reading = ctrl;
  try {
    if (!repos || repos.name !== dbName) repos = { name: dbName, repos: openRepositories(dbName) };
    const r = await repos.repos;
    const loaded = await r.reports.loadDataset({
      signal: ctrl.signal,
      onProgress: ({ done, total }) => post({ type: 'readProgress', id, done, total }),
    });
    dataset = loaded.dataset;
    post({ type: 'loaded', id, customerIds: loaded.customerIds });
  } catch (err) {
    fail(id, err);
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'abort') return reading?.abort();
  if (m.type === 'load') {
    dataset = m.dataset;
    return;
  }
  if (m.type === 'read') return void read(m.id, m.dbName);
  try {
    if (!dataset) throw new Error('no dataset loaded');
    if (m.type === 'compute') {
      const result = computeReport(dataset, m.options, (fraction) =>
        post({ type: 'progress', id: m.id, fraction }),
      );
      post({ type: 'result', id: m.id, result });
    } else {
      post({ type: 'drill', id: m.id, customers: drillCustomers(dataset, m.options, m.query) });
    }
  } catch (err) {
    fail(m.id, err);
  }
};
