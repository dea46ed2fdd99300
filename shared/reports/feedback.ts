/**
 * Satisfaction scores from survey answers:
 * - NPS (0-10): promoters answer 9-10, passives 7-8, detractors 0-6;
 *   NPS = % promoters - % detractors, from -100 to 100.
 * - CSAT (1-5): % of answers that are 4 or 5.
 * - CES (1-7): the average answer to "how easy was it?", 1 = very hard, 7 = very easy, so
 *   higher is better (the 7-point ease scale of CES 2.0; the question in the feedback form and
 *   the report say the same: CES_SCALE).
 * Each is null without answers; counts are always given so a score from 3 answers is not read
 * like one from 300.
 */
import { FEEDBACK_TYPES, type FeedbackColumns } from './dataset';
import { monthLocator } from './time';

/** The one CES scale: the question, the answers and the report's arrow all follow it. */
export const CES_SCALE = { min: 1, max: 7, higherIsBetter: true } as const;

export interface NpsSummary {
  count: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
}
export interface CsatSummary {
  count: number;
  satisfied: number;
  csat: number | null;
}
export interface CesSummary {
  count: number;
  total: number;
  ces: number | null;
}
export interface FeedbackSummary {
  nps: NpsSummary;
  csat: CsatSummary;
  ces: CesSummary;
}

export function emptyFeedbackSummary(): FeedbackSummary {
  return {
    nps: { count: 0, promoters: 0, passives: 0, detractors: 0, nps: null },
    csat: { count: 0, satisfied: 0, csat: null },
    ces: { count: 0, total: 0, ces: null },
  };
}

/** Add one answer to a summary (scores outside a type's range are ignored). */
export function addAnswer(s: FeedbackSummary, type: number, score: number): void {
  const kind = FEEDBACK_TYPES[type];
  if (kind === 'nps' && score >= 0 && score <= 10) {
    s.nps.count++;
    if (score >= 9) s.nps.promoters++;
    else if (score >= 7) s.nps.passives++;
    else s.nps.detractors++;
  } else if (kind === 'csat' && score >= 1 && score <= 5) {
    s.csat.count++;
    if (score >= 4) s.csat.satisfied++;
  } else if (kind === 'ces' && score >= CES_SCALE.min && score <= CES_SCALE.max) {
    s.ces.count++;
    s.ces.total += score;
  }
}

/** Fill in the rates from the counts. */
export function finishSummary(s: FeedbackSummary): FeedbackSummary {
  s.nps.nps = s.nps.count ? ((s.nps.promoters - s.nps.detractors) / s.nps.count) * 100 : null;
  s.csat.csat = s.csat.count ? (s.csat.satisfied / s.csat.count) * 100 : null;
  s.ces.ces = s.ces.count ? s.ces.total / s.ces.count : null;
  return s;
}

/** NPS, CSAT and CES of the answers given in [from, to). */
export function feedbackSummary(f: FeedbackColumns, from: number, to: number): FeedbackSummary {
  const s = emptyFeedbackSummary();
  for (let i = 0; i < f.at.length; i++) {
    const at = f.at[i]!;
    if (at >= from && at < to) addAnswer(s, f.type[i]!, f.score[i]!);
  }
  return finishSummary(s);
}

/** One summary per month index in [firstMonth, lastMonth]. */
export function feedbackByMonth(
  f: FeedbackColumns,
  firstMonth: number,
  lastMonth: number,
  utcOffsetMinutes: number,
): { month: number; summary: FeedbackSummary }[] {
  const months = Math.max(0, lastMonth - firstMonth + 1);
  const out = Array.from({ length: months }, (_, i) => ({
    month: firstMonth + i,
    summary: emptyFeedbackSummary(),
  }));
  const locate = monthLocator(firstMonth, lastMonth, utcOffsetMinutes);
  for (let i = 0; i < f.at.length; i++) {
    const k = locate(f.at[i]!);
    if (k >= 0) addAnswer(out[k]!.summary, f.type[i]!, f.score[i]!);
  }
  for (const m of out) finishSummary(m.summary);
  return out;
}
