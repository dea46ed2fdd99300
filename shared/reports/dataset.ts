/**
 * The compact, columnar input of every report: one typed array per field, so a million sales
 * fit in a few megabytes, cross to a Web Worker without copying (transferable buffers) and are
 * scanned without allocating an object per row.
 *
 * Customers are numbered 0..customerCount-1. The repository maps each number to a contact id
 * after resolving merged duplicates (`mergedInto`), so a merged contact's events already count
 * for the survivor here.
 */

/** Sale kinds in `SalesColumns.kind`. */
export const SALE_PURCHASE = 0;
/** A refund that returns part of a purchase: subtracts money, the order still counts. */
export const SALE_REFUND = 1;
/** A refund of a whole purchase: subtracts money and cancels one order. */
export const SALE_CANCEL = 2;

export const FEEDBACK_TYPES = ['nps', 'csat', 'ces'] as const;
export type FeedbackKind = (typeof FEEDBACK_TYPES)[number];

export interface SalesColumns {
  customer: Int32Array;
  at: Float64Array;
  /** Whole rupiah, always positive; the kind says whether it adds or subtracts. */
  amount: Float64Array;
  kind: Uint8Array;
}

export interface FeedbackColumns {
  customer: Int32Array;
  at: Float64Array;
  /** Index into FEEDBACK_TYPES. */
  type: Uint8Array;
  score: Int8Array;
}

export interface ComplaintColumns {
  customer: Int32Array;
  at: Float64Array;
  /** When it was resolved; NaN while it is open. */
  resolvedAt: Float64Array;
}

/** Ledger kinds in `LedgerColumns.kind` (the order of LEDGER_KINDS in shared/schemas). */
export const LEDGER_KIND_CODES = ['earn', 'redeem', 'adjust', 'reversal', 'bonus'] as const;
export type LedgerKindName = (typeof LEDGER_KIND_CODES)[number];

/** `LedgerColumns.bonus`: which once-per-person bonus an entry is (see shared/loyalty). */
export const BONUS_NONE = 0;
export const BONUS_WELCOME = 1;
export const BONUS_BIRTHDAY = 2;

/**
 * The loyalty ledger, one row per live entry in primary-key (id) order, so a row's index stands
 * for its id wherever the loyalty engine compares ids (ties, the lowest-id bonus).
 */
export interface LedgerColumns {
  customer: Int32Array;
  at: Float64Array;
  points: Float64Array;
  /** Index into LEDGER_KIND_CODES. */
  kind: Uint8Array;
  /** For a reversal: the row of the entry it reverses; -1 when none (or it is not loaded). */
  reverses: Int32Array;
  /** BONUS_NONE, BONUS_WELCOME or BONUS_BIRTHDAY. */
  bonus: Uint8Array;
}

/**
 * What the points liability needs: the ledger with its own customer numbering (a member may
 * have points and no sale) and the loyalty rules (expiry). Loaded after the sales reports, so
 * the screen shows those first.
 */
export interface LoyaltyDataset {
  customerCount: number;
  ledger: LedgerColumns;
  /** The loyalty rules setting as stored (parsed by shared/loyalty parseRules). */
  rules: unknown;
  /** The shop time zone setting as stored: expiry months are counted on its calendar. */
  timeZone?: unknown;
}

/**
 * Who referred whom (shared/reports/referrals.ts): `customer` is the referred customer's number
 * (only customers with a sale are numbered), `referrer` a number of its own per referrer.
 */
export interface ReferralColumns {
  customer: Int32Array;
  referrer: Int32Array;
}

export interface ReportDataset {
  customerCount: number;
  sales: SalesColumns;
  feedback: FeedbackColumns;
  complaints: ComplaintColumns;
  /** Absent in datasets made before referrals: no referral counted. */
  referrals?: ReferralColumns;
}

/** Every buffer of a dataset, for postMessage's transfer list. */
export function datasetBuffers(d: ReportDataset): ArrayBuffer[] {
  const arrays = [
    ...Object.values(d.sales),
    ...Object.values(d.feedback),
    ...Object.values(d.complaints),
    ...(d.referrals ? Object.values(d.referrals) : []),
  ] as ArrayBufferView[];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

type TypedArray = Int32Array | Float64Array | Uint8Array | Int8Array;
type TypedCtor<T extends TypedArray> = { new (length: number): T };

/** A typed column that grows by doubling: no per-row boxing while a million rows stream in. */
class Column<T extends TypedArray> {
  private data: T;
  length = 0;
  constructor(private readonly ctor: TypedCtor<T>) {
    this.data = new ctor(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new this.ctor(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  /** A right-sized copy (so the transferable buffer holds no slack). */
  build(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Numbers customers (resolved contact ids) in the order they first appear. */
class CustomerNumbers {
  private readonly ids = new Map<string, number>();
  readonly customerIds: string[] = [];
  has(id: string): boolean {
    return this.ids.has(id);
  }
  of(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.customerIds.length;
      this.ids.set(id, n);
      this.customerIds.push(id);
    }
    return n;
  }
}

/** Accumulates rows page by page (the repository reads in pages) and builds the columns once. */
export class DatasetBuilder {
  private readonly numbers = new CustomerNumbers();
  readonly customerIds: string[] = this.numbers.customerIds;
  private readonly s = {
    customer: new Column(Int32Array),
    at: new Column(Float64Array),
    amount: new Column(Float64Array),
    kind: new Column(Uint8Array),
  };
  private readonly f = {
    customer: new Column(Int32Array),
    at: new Column(Float64Array),
    type: new Column(Uint8Array),
    score: new Column(Int8Array),
  };
  private readonly c = {
    customer: new Column(Int32Array),
    at: new Column(Float64Array),
    resolvedAt: new Column(Float64Array),
  };

  private readonly r = { customer: new Column(Int32Array), referrer: new Column(Int32Array) };
  private readonly referrers = new CustomerNumbers();

  /**
   * A referral: `referred` and `referrer` are resolved contact ids. Counted only for a referred
   * customer with a sale (add the sales first); a person is counted once.
   */
  addReferral(referred: string, referrer: string): void {
    if (!this.numbers.has(referred) || referred === referrer) return;
    this.r.customer.push(this.customer(referred));
    this.r.referrer.push(this.referrers.of(referrer));
  }

  /** The number of a customer (a resolved contact id), numbering new ones as they come. */
  customer(id: string): number {
    return this.numbers.of(id);
  }

  addSale(customerId: string, at: number, amount: number, kind: number): void {
    this.s.customer.push(this.customer(customerId));
    this.s.at.push(at);
    this.s.amount.push(amount);
    this.s.kind.push(kind);
  }

  /**
   * Append the sales of another builder that read the next range of the table, as if its rows
   * had been added here one by one (customers keep the numbering a single reader gives them).
   */
  appendSales(other: DatasetBuilder): void {
    const numberOf = other.customerIds.map((id) => this.customer(id));
    const o = other.s;
    for (let i = 0; i < o.customer.length; i++) {
      this.s.customer.push(numberOf[o.customer.get(i)]!);
      this.s.at.push(o.at.get(i));
      this.s.amount.push(o.amount.get(i));
      this.s.kind.push(o.kind.get(i));
    }
  }

  addFeedback(customerId: string, at: number, type: FeedbackKind, score: number): void {
    this.f.customer.push(this.customer(customerId));
    this.f.at.push(at);
    this.f.type.push(FEEDBACK_TYPES.indexOf(type));
    this.f.score.push(score);
  }

  addComplaint(customerId: string, at: number, resolvedAt: number | undefined): void {
    this.c.customer.push(this.customer(customerId));
    this.c.at.push(at);
    this.c.resolvedAt.push(resolvedAt ?? Number.NaN);
  }

  build(): { dataset: ReportDataset; customerIds: string[] } {
    return {
      customerIds: this.customerIds,
      dataset: {
        customerCount: this.customerIds.length,
        sales: {
          customer: this.s.customer.build(),
          at: this.s.at.build(),
          amount: this.s.amount.build(),
          kind: this.s.kind.build(),
        },
        feedback: {
          customer: this.f.customer.build(),
          at: this.f.at.build(),
          type: this.f.type.build(),
          score: this.f.score.build(),
        },
        complaints: {
          customer: this.c.customer.build(),
          at: this.c.at.build(),
          resolvedAt: this.c.resolvedAt.build(),
        },
        referrals: { customer: this.r.customer.build(), referrer: this.r.referrer.build() },
      },
    };
  }
}

/** One ledger entry as the builder takes it; rows must come in id order. */
export interface LedgerRowInput {
  id: string;
  customer: string;
  at: number;
  points: number;
  kind: LedgerKindName;
  reversesId?: string;
  bonus: number;
}

/**
 * Accumulates ledger entries (in id order) into LedgerColumns. Reversal targets are matched by
 * id at build time (a refund may be stored before the earn it reverses); the ids are dropped
 * once the columns are built.
 */
export class LedgerBuilder {
  private readonly numbers = new CustomerNumbers();
  private readonly col = {
    customer: new Column(Int32Array),
    at: new Column(Float64Array),
    points: new Column(Float64Array),
    kind: new Column(Uint8Array),
    bonus: new Column(Uint8Array),
  };
  /** Reversal row -> the id it reverses. */
  private readonly wanted = new Map<number, string>();
  private readonly targets = new Set<string>();
  private allIds: string[] = [];

  add(e: LedgerRowInput): void {
    const row = this.col.customer.length;
    this.col.customer.push(this.numbers.of(e.customer));
    this.col.at.push(e.at);
    this.col.points.push(e.points);
    this.col.kind.push(LEDGER_KIND_CODES.indexOf(e.kind));
    this.col.bonus.push(e.bonus);
    this.allIds.push(e.id);
    if (e.kind === 'reversal' && e.reversesId !== undefined) {
      this.wanted.set(row, e.reversesId);
      this.targets.add(e.reversesId);
    }
  }

  /**
   * Append the entries of another builder that read the next id range, as if they had been
   * added here one by one.
   */
  append(other: LedgerBuilder): void {
    const numberOf = other.numbers.customerIds.map((id) => this.numbers.of(id));
    const offset = this.col.customer.length;
    const o = other.col;
    for (let i = 0; i < o.customer.length; i++) {
      this.col.customer.push(numberOf[o.customer.get(i)]!);
      this.col.at.push(o.at.get(i));
      this.col.points.push(o.points.get(i));
      this.col.kind.push(o.kind.get(i));
      this.col.bonus.push(o.bonus.get(i));
    }
    for (const id of other.allIds) this.allIds.push(id);
    for (const [row, target] of other.wanted) this.wanted.set(row + offset, target);
    for (const t of other.targets) this.targets.add(t);
  }

  build(rules: unknown, timeZone?: unknown): LoyaltyDataset {
    const rowOf = new Map<string, number>();
    this.allIds.forEach((id, row) => {
      if (this.targets.has(id)) rowOf.set(id, row);
    });
    this.allIds = [];
    const reverses = new Int32Array(this.col.customer.length).fill(-1);
    for (const [row, target] of this.wanted) reverses[row] = rowOf.get(target) ?? -1;
    return {
      customerCount: this.numbers.customerIds.length,
      rules,
      ...(timeZone === undefined ? {} : { timeZone }),
      ledger: {
        customer: this.col.customer.build(),
        at: this.col.at.build(),
        points: this.col.points.build(),
        kind: this.col.kind.build(),
        reverses,
        bonus: this.col.bonus.build(),
      },
    };
  }
}

/** The once-per-person bonus an entry stands for (shared/loyalty/merged-bonuses' rule). */
export function bonusCode(kind: string, reason: string | undefined): number {
  if (kind !== 'bonus') return BONUS_NONE;
  if (reason === 'welcome') return BONUS_WELCOME;
  if (reason === 'birthday') return BONUS_BIRTHDAY;
  return BONUS_NONE;
}

/** Friendly rows for tests and small callers; times as ISO strings. */
export interface DatasetInput {
  sales?: {
    customer: string;
    at: string;
    amount: number;
    kind?: 'purchase' | 'refund' | 'cancel';
  }[];
  feedback?: { customer: string; at: string; type: FeedbackKind; score: number }[];
  complaints?: { customer: string; at: string; resolvedAt?: string }[];
  /** Customers to number first, in this order (so tests can name them by index). */
  customers?: string[];
  referrals?: { customer: string; referrer: string }[];
}

const KIND_CODE = { purchase: SALE_PURCHASE, refund: SALE_REFUND, cancel: SALE_CANCEL } as const;

export function datasetFrom(input: DatasetInput): {
  dataset: ReportDataset;
  customerIds: string[];
} {
  const b = new DatasetBuilder();
  for (const id of input.customers ?? []) b.customer(id);
  const ms = (iso: string) => Date.parse(iso);
  for (const s of input.sales ?? [])
    b.addSale(s.customer, ms(s.at), s.amount, KIND_CODE[s.kind ?? 'purchase']);
  for (const f of input.feedback ?? []) b.addFeedback(f.customer, ms(f.at), f.type, f.score);
  for (const c of input.complaints ?? [])
    b.addComplaint(c.customer, ms(c.at), c.resolvedAt === undefined ? undefined : ms(c.resolvedAt));
  for (const r of input.referrals ?? []) b.addReferral(r.customer, r.referrer);
  return b.build();
}

/** Friendly ledger rows for tests; ids are made in the given order unless named. */
export interface LoyaltyInput {
  ledger: {
    id?: string;
    customer: string;
    at: string;
    points: number;
    kind?: LedgerKindName;
    reversesId?: string;
    reason?: string;
  }[];
  rules?: unknown;
}

export function loyaltyFrom(input: LoyaltyInput): LoyaltyDataset {
  const rows = input.ledger.map((e, i) => ({ ...e, id: e.id ?? `e${String(i).padStart(8, '0')}` }));
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const b = new LedgerBuilder();
  for (const e of rows) {
    const kind = e.kind ?? (e.points > 0 ? 'earn' : 'redeem');
    b.add({
      id: e.id,
      customer: e.customer,
      at: Date.parse(e.at),
      points: e.points,
      kind,
      reversesId: e.reversesId,
      bonus: bonusCode(kind, e.reason),
    });
  }
  return b.build(input.rules);
}
