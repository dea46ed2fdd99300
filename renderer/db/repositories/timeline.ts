/** Repository for notes, interactions, follow-ups and message templates (the timeline issue). */
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createTimelineRepository(_db: KenalDb, _clock: DeviceClock) {
  return {};
}

export type TimelineRepository = ReturnType<typeof createTimelineRepository>;
