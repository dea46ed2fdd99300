import { describe, expect, it } from 'vitest';
import { formatStamp, parseStamp, type HlcStamp } from '../../../shared/hlc';
import { advanceClockPast, fileClockTargets } from '../../../shared/sync/clock';
import type { RecordMeta } from '../../../shared/schemas/common';

const NOW = Date.UTC(2026, 10, 23, 12);
const HOUR = 3_600_000;
const stamp = (wall: number, counter = 0, deviceId = 'BBBBBBBBBBBBBBBB'): HlcStamp =>
  formatStamp({ wall, counter, deviceId });
const rec = (updatedAt: HlcStamp): RecordMeta => ({
  id: '01KAAAAAAAAAAAAAAAAAAAAAAA',
  createdAt: new Date(NOW).toISOString(),
  updatedAt,
});

describe('moving the clock past a file', () => {
  it('one far-future record does not stop the clock from passing the sane ones', () => {
    const sane = stamp(NOW + HOUR, 3);
    const wild = stamp(NOW + 2 * 24 * HOUR, 0, 'CCCCCCCCCCCCCCCC');
    const { within, beyond } = fileClockTargets([rec(sane), rec(wild)], NOW);
    expect(within).toBe(sane);
    expect(beyond).toBe(wild);
    const next = advanceClockPast('AAAAAAAAAAAAAAAA', undefined, within, () => NOW).next!;
    expect(next > sane).toBe(true);
    expect(parseStamp(next).wall).toBeLessThan(NOW + 2 * HOUR);
  });

  it('a remote counter at its maximum is passed by stepping one millisecond, not an error', () => {
    const full = stamp(NOW, 99_999);
    const next = advanceClockPast(
      'AAAAAAAAAAAAAAAA',
      stamp(NOW, 99_999, 'AAAAAAAAAAAAAAAA'),
      full,
      () => NOW,
    ).next!;
    expect(next > full).toBe(true);
  });
});
