/** Repository for read-only queries feeding the report math (the reports issue). */
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createReportsRepository(_db: KenalDb, _clock: DeviceClock) {
  return {};
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
