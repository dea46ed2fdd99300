import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { DEFAULT_REPORT_SETTINGS, computeReport, loyaltyFrom } from '../../../shared/reports';
import { openRepositories, type Repositories } from '../../../renderer/db';
import type { ReportsRepository } from '../../../renderer/db/repositories/reports';
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

  it('answers the liability once the ledger is in, and adds it to later results', async () => {
    const engine = createReportEngine();
    engine.load(build(RETENTION_FIXTURE).dataset);
    expect((await engine.compute(options)).current.liability).toBeNull();
    const pending = engine.liability(options);
    engine.load(
      build(RETENTION_FIXTURE).dataset,
      loyaltyFrom({ ledger: [{ customer: 'a', at: '2026-03-02T00:00:00Z', points: 70 }] }),
    );
    const l = await pending;
    expect(l.current).toEqual({ holders: 1, points: 70, value: 70, overdrafts: 0 });
    expect(l.previous).toEqual({ holders: 0, points: 0, value: 0, overdrafts: 0 });
    expect((await engine.compute(options)).current.liability).toEqual(l.current);
  });
});

describe('report engine reading a database', () => {
  let repos: Repositories;
  beforeEach(async () => {
    repos = await openRepositories(`test-engine-${Date.now()}-${Math.random()}`);
  });
  afterEach(async () => {
    repos.db.close();
    await repos.db.delete();
  });

  /** The repository, counting how often the sales side is read. */
  function counting(r: ReportsRepository) {
    const counts = { dataset: 0, loyalty: 0 };
    const wrapped: ReportsRepository = {
      ...r,
      loadDataset: (o) => (counts.dataset++, r.loadDataset(o)),
      loadLoyalty: (o) => (counts.loyalty++, r.loadLoyalty(o)),
    };
    return { wrapped, counts };
  }

  it('reads once per fingerprint: opening again with nothing changed reads nothing', async () => {
    const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Rina' });
    if (!c.ok) throw new Error('contact not saved');
    const { wrapped, counts } = counting(repos.reports);
    const engine = createReportEngine();
    const source = { dbName: repos.db.name, reports: wrapped };
    const fp1 = await repos.reports.fingerprint();
    await engine.read({ ...source, fingerprint: fp1 });
    await engine.liability(options, true);
    await engine.read({ ...source, fingerprint: fp1 });
    await engine.liability(options, true);
    // No ledger entry yet: the kept figures answer every moment, the ledger is never read.
    expect(counts).toEqual({ dataset: 1, loyalty: 0 });
    const sale = await repos.loyalty.recordSale({
      contactId: c.value.id,
      amount: 50_000,
      at: '2026-03-03T10:00:00.000Z',
    });
    expect(sale.ok).toBe(true);
    const fp2 = await repos.reports.fingerprint();
    expect(fp2).not.toBe(fp1);
    const ids = await engine.read({ ...source, fingerprint: fp2 });
    expect(ids).toEqual([c.value.id]);
    expect(counts.dataset).toBe(2);
    const result = await engine.compute(options);
    expect(result.current.orders.revenue).toBe(50_000);
    // The sale earned points under the default rules (1 per Rp 10.000).
    expect((await engine.liability(options, true)).current.points).toBe(5);
  });

  it('the current liability comes from the kept figures; the ledger is read only for a past moment', async () => {
    const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Made' });
    if (!c.ok) throw new Error('contact not saved');
    await repos.loyalty.recordSale({
      contactId: c.value.id,
      amount: 300_000,
      at: '2026-03-03T10:00:00.000Z',
    });
    const { wrapped, counts } = counting(repos.reports);
    const engine = createReportEngine();
    await engine.read({
      dbName: repos.db.name,
      reports: wrapped,
      fingerprint: await repos.reports.fingerprint(),
    });
    // March ends after the latest entry: exact from the kept balance, no ledger read.
    const first = await engine.liability(options);
    expect(first).toEqual({
      current: { holders: 1, points: 30, value: 30, overdrafts: 0 },
      previous: null,
      pending: true,
    });
    expect(await engine.liability({ ...options, compare: false })).toEqual({
      current: first.current,
      previous: null,
    });
    expect(counts).toEqual({ dataset: 1, loyalty: 0 });
    // February's end is before the sale: replayed from the ledger, read once.
    const exact = await engine.liability(options, true);
    expect(exact.current).toEqual(first.current);
    expect(exact.previous).toEqual({ holders: 0, points: 0, value: 0, overdrafts: 0 });
    expect(exact.pending).toBeUndefined();
    expect(counts).toEqual({ dataset: 1, loyalty: 1 });
  });

  it('while the kept figures are stale (written behind the app, a restore), the liability is replayed from the ledger', async () => {
    const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Ketut' });
    if (!c.ok) throw new Error('contact not saved');
    await repos.loyalty.recordSale({
      contactId: c.value.id,
      amount: 400_000,
      at: '2026-03-03T10:00:00.000Z',
    });
    await repos.db.meta.put({ key: 'figures.version', value: 'stale' });
    // A stale row that would give a wrong answer if it were read.
    await repos.db.customerFigures.clear();
    const { wrapped, counts } = counting(repos.reports);
    const engine = createReportEngine();
    await engine.read({ dbName: repos.db.name, reports: wrapped, fingerprint: 'stale' });
    const l = await engine.liability(options);
    expect(l.pending).toBeUndefined();
    expect(l.current).toEqual({ holders: 1, points: 40, value: 40, overdrafts: 0 });
    expect(counts.loyalty).toBe(1);
  });

  it('leaving the screen after the reports show still finishes the ledger for next time', async () => {
    const c = await repos.contacts.create({ ...emptyContactInput(), name: 'Wayan' });
    if (!c.ok) throw new Error('contact not saved');
    await repos.loyalty.recordSale({
      contactId: c.value.id,
      amount: 200_000,
      at: '2026-03-03T10:00:00.000Z',
    });
    const { wrapped, counts } = counting(repos.reports);
    const engine = createReportEngine();
    const source = {
      dbName: repos.db.name,
      reports: wrapped,
      fingerprint: await repos.reports.fingerprint(),
    };
    const leave = new AbortController();
    await engine.read(source, { signal: leave.signal });
    leave.abort(); // the screen unmounts: its cancel only stops the sales-side read
    await engine.read(source);
    expect((await engine.liability(options, true)).current.points).toBe(20);
    expect(counts).toEqual({ dataset: 1, loyalty: 1 });
  });

  it('a cancelled read rejects with AbortError', async () => {
    const engine = createReportEngine();
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(
      engine.read({ dbName: repos.db.name, reports: repos.reports }, { signal: ctrl.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
