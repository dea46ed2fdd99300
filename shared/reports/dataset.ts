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

export interface LedgerColumns {
  customer: Int32Array;
  at: Float64Array;
  points: Float64Array;
}

export interface ReportDataset {
  customerCount: number;
  sales: SalesColumns;
  feedback: FeedbackColumns;
  complaints: ComplaintColumns;
  ledger: LedgerColumns;
}

/** Every buffer of a dataset, for postMessage's transfer list. */
export function datasetBuffers(d: ReportDataset): ArrayBuffer[] {
  const arrays = [
    ...Object.values(d.sales),
    ...Object.values(d.feedback),
    ...Object.values(d.complaints),
    ...Object.values(d.ledger),
  ] as ArrayBufferView[];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** Accumulates rows page by page (the repository reads in pages) and builds the columns once. */
export class DatasetBuilder {
  private readonly ids = new Map<string, number>();
  readonly customerIds: string[] = [];
  private readonly s = {
    customer: [] as number[],
    at: [] as number[],
    amount: [] as number[],
    kind: [] as number[],
  };
  private readonly f = {
    customer: [] as number[],
    at: [] as number[],
    type: [] as number[],
    score: [] as number[],
  };
  private readonly c = { customer: [] as number[], at: [] as number[], resolvedAt: [] as number[] };
  private readonly l = { customer: [] as number[], at: [] as number[], points: [] as number[] };

  /** The number of a customer (a resolved contact id), numbering new ones as they come. */
  customer(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      n = this.customerIds.length;
      this.ids.set(id, n);
      this.customerIds.push(id);
    }
    return n;
  }

  addSale(customerId: string, at: number, amount: number, kind: number): void {
    this.s.customer.push(this.customer(customerId));
    this.s.at.push(at);
    this.s.amount.push(amount);
    this.s.kind.push(kind);
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

  addLedger(customerId: string, at: number, points: number): void {
    this.l.customer.push(this.customer(customerId));
    this.l.at.push(at);
    this.l.points.push(points);
  }

  build(): { dataset: ReportDataset; customerIds: string[] } {
    return {
      customerIds: this.customerIds,
      dataset: {
        customerCount: this.customerIds.length,
        sales: {
          customer: Int32Array.from(this.s.customer),
          at: Float64Array.from(this.s.at),
          amount: Float64Array.from(this.s.amount),
          kind: Uint8Array.from(this.s.kind),
        },
        feedback: {
          customer: Int32Array.from(this.f.customer),
          at: Float64Array.from(this.f.at),
          type: Uint8Array.from(this.f.type),
          score: Int8Array.from(this.f.score),
        },
        complaints: {
          customer: Int32Array.from(this.c.customer),
          at: Float64Array.from(this.c.at),
          resolvedAt: Float64Array.from(this.c.resolvedAt),
        },
        ledger: {
          customer: Int32Array.from(this.l.customer),
          at: Float64Array.from(this.l.at),
          points: Float64Array.from(this.l.points),
        },
      },
    };
  }
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
  ledger?: { customer: string; at: string; points: number }[];
  /** Customers to number first, in this order (so tests can name them by index). */
  customers?: string[];
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
  for (const l of input.ledger ?? []) b.addLedger(l.customer, ms(l.at), l.points);
  return b.build();
}
