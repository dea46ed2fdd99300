import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SETTINGS, computeReport } from '../../../shared/reports';
import { createReportEngine } from '../../../renderer/features/reports/report-engine';
import { build, MARCH_2026, RETENTION_FIXTURE } from './fixtures';

const options = {
  ...DEFAULT_REPORT_SETTINGS,
  period: MARCH_2026,
  compare: true,
  inactivityDays: 30,
  utcOffsetMinutes: 0,
};

describe('report engine without a Worker (the in-process fallback)', () => {
  it('computes the same report as the pure function, with progress, and drills', async () => {
    const { dataset, n } = build(RETENTION_FIXTURE);
    const engine = createReportEngine();
    engine.load(dataset);
    const progress: number[] = [];
    const result = await engine.compute(options, (f) => progress.push(f));
    expect(result).toEqual(computeReport(build(RETENTION_FIXTURE).dataset, options));
    expect(progress.at(-1)).toBe(1);
    expect(await engine.drill(options, { kind: 'lost' })).toEqual([n('b')]);
    engine.dispose();
  });

  it('refuses to compute before a dataset is loaded', async () => {
    const engine = createReportEngine();
    await expect(engine.compute(options)).rejects.toThrow('no dataset');
  });
});
