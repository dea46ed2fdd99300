/** Small hand-computed datasets shared by the report tests (UTC, offset 0). */
import { datasetFrom, type DatasetInput } from '../../../shared/reports';

export const ms = (iso: string) => Date.parse(iso);
export const MARCH_2026 = {
  kind: 'month' as const,
  start: ms('2026-03-01T00:00:00Z'),
  end: ms('2026-04-01T00:00:00Z'),
};

/** Customer number by id in a dataset built from `input`. */
export function build(input: DatasetInput) {
  const { dataset, customerIds } = datasetFrom(input);
  return { dataset, n: (id: string) => customerIds.indexOf(id), customerIds };
}

/**
 * March 2026, inactivity window 30 days:
 * a bought Feb 20 and Mar 20 (kept), b only Feb 10 (lost), c first on Mar 15 (new),
 * d in Dec 2025 and again Mar 10 (returning), e only Jan 1 (gone before the period).
 * S = 2 (a, b), E = 3 (a, c, d), N = 2 (c, d), lost = 1 (b).
 * Retention = (3 - 2) / 2 x 100 = 50 %, churn = 1 / 2 x 100 = 50 %.
 */
export const RETENTION_FIXTURE: DatasetInput = {
  customers: ['a', 'b', 'c', 'd', 'e'],
  sales: [
    { customer: 'a', at: '2026-02-20T10:00:00Z', amount: 100_000 },
    { customer: 'a', at: '2026-03-20T10:00:00Z', amount: 50_000 },
    { customer: 'b', at: '2026-02-10T10:00:00Z', amount: 75_000 },
    { customer: 'c', at: '2026-03-15T10:00:00Z', amount: 60_000 },
    { customer: 'd', at: '2025-12-01T10:00:00Z', amount: 20_000 },
    { customer: 'd', at: '2026-03-10T10:00:00Z', amount: 30_000 },
    { customer: 'e', at: '2026-01-01T10:00:00Z', amount: 10_000 },
  ],
};
