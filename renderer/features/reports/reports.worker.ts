/**
 * Reads and computes the reports off the UI thread. The worker opens the same IndexedDB
 * database through the reports repository and reads it page by page (so deserializing a million
 * rows never blocks the window), keeps only the compact typed-array datasets, and answers each
 * period change with one 'compute' message, posting progress as it goes.
 *
 * Order: the sales side (contacts, sales, feedback, complaints) is read and answered first; the
 * ledger (as big as the sales) is read right after, for the points liability, which the screen
 * asks for separately. What was read is kept with the database fingerprint it was read at, so
 * opening the screen again with nothing changed reads nothing.
 */
/// <reference lib="webworker" />
import { openRepositories, type Repositories } from '../../db';
import { createWorkerState, type WorkerState } from './worker-state';
import type { FromWorker, ToWorker } from './worker-protocol';

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
let repos: { name: string; repos: Promise<Repositories> } | null = null;

const state: WorkerState = createWorkerState(post, (dbName) => {
  if (!repos || repos.name !== dbName) repos = { name: dbName, repos: openRepositories(dbName) };
  return repos.repos.then((r) => r.reports);
});

self.onmessage = (e: MessageEvent<ToWorker>) => state.handle(e.data);
