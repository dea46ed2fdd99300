/**
 * The period the Reports screen shows, kept while the user drills down into the contact list
 * and comes back (issue #19 item 9): Back returns to the same month, quarter or range.
 * Not persisted: a new session starts at the current month.
 */
import { create } from 'zustand';
import type { PeriodKind } from '../../../shared/reports';
import type { DateRange } from './PeriodPicker';

interface ReportViewState {
  kind: PeriodKind;
  /** A moment inside the period shown (ms); null: now, when the screen opens. */
  anchor: number | null;
  range: DateRange;
  compare: boolean;
  setKind: (kind: PeriodKind) => void;
  setAnchor: (anchor: number) => void;
  setRange: (range: DateRange) => void;
  setCompare: (compare: boolean) => void;
}

export const useReportView = create<ReportViewState>((set) => ({
  kind: 'month',
  anchor: null,
  range: [null, null],
  compare: true,
  setKind: (kind) => set({ kind }),
  setAnchor: (anchor) => set({ anchor }),
  setRange: (range) => set({ range }),
  setCompare: (compare) => set({ compare }),
}));
