import { describe, expect, it } from 'vitest';
import { complaintStatusPatch, startsOpen } from '../../../shared/timeline/complaints';

const NOW = '2026-11-23T05:30:00.000Z';

describe('a complaint moving along', () => {
  it('resolving keeps the resolution and stamps when it was first resolved', () => {
    expect(complaintStatusPatch({}, 'resolved', 'Replaced the item', NOW)).toEqual({
      complaintStatus: 'resolved',
      resolution: 'Replaced the item',
      resolvedAt: NOW,
    });
    const earlier = '2026-11-22T01:00:00.000Z';
    expect(complaintStatusPatch({ resolvedAt: earlier }, 'resolved', 'x', NOW).resolvedAt).toBe(
      earlier,
    );
  });

  it('reopening clears the resolved time and keeps the old resolution unless one is typed', () => {
    const reopened = complaintStatusPatch({ resolvedAt: NOW }, 'open', '  ', NOW);
    expect(reopened).toEqual({ complaintStatus: 'open', resolvedAt: undefined });
    expect('resolution' in reopened).toBe(false);
    expect(complaintStatusPatch({}, 'in_progress', 'Called the supplier', NOW)).toMatchObject({
      resolution: 'Called the supplier',
    });
  });

  it('a new complaint, or a note corrected into one, starts open; a complaint keeps its state', () => {
    expect(startsOpen('complaint')).toBe('open');
    expect(startsOpen('note')).toBeUndefined();
    expect(startsOpen('complaint', {})).toBe('open');
    expect(startsOpen('complaint', { complaintStatus: 'resolved' })).toBeUndefined();
  });
});
