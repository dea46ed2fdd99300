/**
 * #19.14: each customer's R, F, M and segment, as the contact page and the contacts export show
 * them: the same scoring as the Reports screen, looked up by contact id (merged duplicates count
 * for the survivor).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyContactInput } from '../../../shared/contact-input';
import { contactsToCsv } from '../../../shared/contacts/csv-write';
import { applyPatch } from '../../../shared/records';
import { computeRfm, customerTotals, RFM_SEGMENTS, rfmScoresAsOf } from '../../../shared/reports';
import { openRepositories, type Repositories } from '../../../renderer/db';
import { createLoyaltyRepository } from '../../../renderer/db/repositories/loyalty';
import { createReportEngine } from '../../../renderer/features/reports/report-engine';
import { build, ms } from './fixtures';

describe('rfmScoresAsOf', () => {
  it('is the RFM panel scoring, per customer', () => {
    const { dataset } = build({
      sales: [
        { customer: 'a', at: '2026-03-30T00:00:00Z', amount: 10_000 },
        { customer: 'b', at: '2025-03-30T00:00:00Z', amount: 900_000 },
        { customer: 'b', at: '2025-04-30T00:00:00Z', amount: 900_000 },
        { customer: 'c', at: '2026-05-30T00:00:00Z', amount: 1 },
      ],
    });
    const asOf = ms('2026-04-01T00:00:00Z');
    const s = rfmScoresAsOf(dataset, asOf);
    const rfm = computeRfm(customerTotals(dataset.sales, 3, -Infinity, asOf), asOf);
    expect([...s.customers]).toEqual([...rfm.customers]);
    expect([...s.segment]).toEqual([...rfm.segment]);
    expect(s.customers.length).toBe(2); // c bought after the moment
  });
});

describe('scores by contact id through the report engine', () => {
  let repos: Repositories;
  let n = 0;
  beforeEach(async () => {
    repos = await openRepositories(`test-customer-rfm-${++n}-${Date.now()}`);
  });
  afterEach(async () => {
    repos.db.close();
    await repos.db.delete();
  });

  it('a one-time buyer of yesterday is New, a merged duplicate counts for the survivor', async () => {
    const loyalty = createLoyaltyRepository(repos.db, repos.clock);
    const contact = async (name: string) => {
      const r = await repos.contacts.create({ ...emptyContactInput(), name });
      if (!r.ok) throw new Error('contact not saved');
      return r.value.id;
    };
    const sale = async (contactId: string, daysAgo: number, amount = 100_000) => {
      const at = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
      const r = await loyalty.recordSale({ contactId, amount, at, paymentMethod: 'cash' });
      if (!r.ok) throw new Error(r.error);
    };
    const regulars = await Promise.all(['A', 'B', 'C', 'D'].map(contact));
    for (const [i, id] of regulars.entries())
      for (let k = 0; k < 3 + i; k++) await sale(id, 30 + k * 20 + i * 7);
    const newcomer = await contact('Newcomer');
    await sale(newcomer, 1, 5_000_000);
    const dup = await contact('A (old number)');
    await sale(dup, 400);
    await repos.db.transaction('rw', repos.db.contacts, repos.db.meta, async () => {
      const row = (await repos.db.contacts.get(dup))!;
      const { record } = applyPatch(row, { mergedInto: regulars[0]! }, await repos.clock.stamp());
      await repos.db.contacts.put({ ...row, ...record });
    });
    const nobody = await contact('No purchases');

    const engine = createReportEngine();
    const ids = await engine.read({ dbName: repos.db.name, reports: repos.reports });
    const s = await engine.scores(Date.now());
    const find = (id: string) => {
      const i = [...s.customers].findIndex((c) => ids[c] === id);
      return i < 0
        ? null
        : { r: s.r[i], f: s.f[i], m: s.m[i], segment: RFM_SEGMENTS[s.segment[i]!] };
    };
    expect(find(newcomer)).toEqual({ r: 5, f: 1, m: 5, segment: 'new' });
    expect(find(nobody)).toBeNull();
    expect(find(dup)).toBeNull();
    expect(find(regulars[0]!)?.f).toBeGreaterThanOrEqual(2);
    engine.dispose();
  });
});

describe('contacts CSV with RFM columns', () => {
  it('appends the columns after the contact fields, one cell each', () => {
    const headers = {
      name: 'Name',
      phone: 'Phone',
      email: 'Email',
      address: 'Address',
      city: 'City',
      birthday: 'Birthday',
      gender: 'Gender',
      tags: 'Tags',
      source: 'Source',
      channel: 'Channel',
      consent: 'Consent',
      consentAt: 'Consent at',
      note: 'Note',
      nickname: 'Nickname',
      organization: 'Company',
      jobTitle: 'Job title',
      label: 'Label',
      website: 'Website',
    };
    const c = {
      ...emptyContactInput(),
      id: 'x',
      name: 'Siti',
      phones: [],
      tags: [],
      note: '',
    } as unknown as Parameters<typeof contactsToCsv>[0][number];
    const csv = contactsToCsv([c], headers, {
      headers: ['RFM segment', 'RFM R', 'RFM F', 'RFM M'],
      cells: () => ['New', '5', '1', '3'],
    });
    const [head, row] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(head!.split(',').slice(-5)).toEqual(['Note', 'RFM segment', 'RFM R', 'RFM F', 'RFM M']);
    expect(row!.split(',').slice(-4)).toEqual(['New', '5', '1', '3']);
  });
});
