/**
 * #19.12: one CES scale. The feedback question, the report's explanation and the KPI's arrow all
 * read 1 = very hard, 7 = very easy (higher is better), in English and Bahasa Indonesia.
 */
import { describe, expect, it } from 'vitest';
import { CES_SCALE, feedbackSummary, datasetFrom } from '../../../shared/reports';
import { en } from '../../../renderer/i18n/en';
import { id } from '../../../renderer/i18n/id';

describe('CES scale', () => {
  it('higher is easier, 1 to 7', () => {
    expect(CES_SCALE).toEqual({ min: 1, max: 7, higherIsBetter: true });
  });

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('the question and the report state the same scale (%s)', (_lang, t) => {
    const scale = t.reports.kpi.cesScale;
    expect(scale).toMatch(/^1 = .+, 7 = .+$/);
    expect(t.sales.feedback.cesQuestion).toContain(scale);
    expect(t.reports.satisfaction.help).toContain(scale);
    // No second, opposite reading anywhere.
    expect(t.reports.satisfaction.help).not.toMatch(/lower is easier|makin kecil makin mudah/);
  });

  it('answers outside the scale are not averaged', () => {
    const { dataset } = datasetFrom({
      feedback: [
        { customer: 'a', at: '2026-03-01T00:00:00Z', type: 'ces', score: 7 },
        { customer: 'a', at: '2026-03-02T00:00:00Z', type: 'ces', score: 6 },
        { customer: 'b', at: '2026-03-03T00:00:00Z', type: 'ces', score: 8 },
      ],
    });
    expect(feedbackSummary(dataset.feedback, 0, Infinity).ces).toEqual({
      count: 2,
      total: 13,
      ces: 6.5,
    });
  });
});
