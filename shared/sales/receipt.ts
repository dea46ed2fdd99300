/**
 * A sale's receipt as rows, and the same rows as the text of a WhatsApp message. One home for
 * what a receipt says: the printed receipt (a narrow roll) renders the rows, the WhatsApp
 * preview shows `receiptText`. The words come from the caller (i18n), the numbers are
 * formatted here with Intl (shared/money, shared/dates).
 */
import { formatDateTime } from '../dates';
import { formatMoney, type Currency } from '../money';
import type { SaleLineRecord } from '../schemas/sale';

export interface ReceiptSale {
  /** The shop's name, when it has one (the receipt's heading). */
  shopName?: string;
  customerName: string;
  at: string;
  invoiceNo?: string;
  lines: readonly SaleLineRecord[];
  /** Sum of the lines (or the amount typed when the sale has no lines). */
  subtotal: number;
  /** Points redeemed in the sale and the money they took off. */
  redeemed: number;
  discount: number;
  /** What was paid. */
  total: number;
  paymentLabel?: string;
  /** Points the sale earned, the welcome bonus it brought, and the balance after it. */
  earned: number;
  bonus: number;
  balance: number;
}

/** The receipt's words in the reader's language; `{n}`-style values come in formatted. */
export interface ReceiptWords {
  receipt: string;
  subtotal: string;
  total: string;
  payment: string;
  thanks: string;
  invoice: (no: string) => string;
  redeemed: (points: string) => string;
  earned: (points: string) => string;
  bonus: (points: string) => string;
  balance: (points: string) => string;
}

export type ReceiptRow =
  | { kind: 'title'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'item'; text: string; detail: string; amount: string }
  | { kind: 'amount'; label: string; amount: string; strong?: boolean }
  | { kind: 'rule' };

/** The rows of a receipt, top to bottom. Lines without a name are listed by their price. */
export function receiptRows(
  sale: ReceiptSale,
  words: ReceiptWords,
  currency: Currency,
  locale: string,
): ReceiptRow[] {
  const money = (n: number) => formatMoney(n, currency, locale);
  const count = (n: number) => n.toLocaleString(locale);
  const rows: ReceiptRow[] = [];
  if (sale.shopName?.trim()) rows.push({ kind: 'title', text: sale.shopName.trim() });
  rows.push({ kind: 'text', text: `${words.receipt} · ${formatDateTime(sale.at, locale)}` });
  if (sale.invoiceNo) rows.push({ kind: 'text', text: words.invoice(sale.invoiceNo) });
  rows.push({ kind: 'text', text: sale.customerName });
  rows.push({ kind: 'rule' });
  for (const l of sale.lines) {
    rows.push({
      kind: 'item',
      text: l.item ?? '—',
      detail: `${count(l.quantity)} × ${money(l.unitPrice)}`,
      amount: money(l.amount),
    });
  }
  if (sale.lines.length > 0) rows.push({ kind: 'rule' });
  if (sale.discount > 0) {
    rows.push({ kind: 'amount', label: words.subtotal, amount: money(sale.subtotal) });
    rows.push({
      kind: 'amount',
      label: words.redeemed(count(sale.redeemed)),
      amount: `−${money(sale.discount)}`,
    });
  }
  rows.push({ kind: 'amount', label: words.total, amount: money(sale.total), strong: true });
  if (sale.paymentLabel)
    rows.push({ kind: 'text', text: `${words.payment}: ${sale.paymentLabel}` });
  rows.push({ kind: 'rule' });
  if (sale.earned > 0) rows.push({ kind: 'text', text: words.earned(count(sale.earned)) });
  if (sale.bonus > 0) rows.push({ kind: 'text', text: words.bonus(count(sale.bonus)) });
  rows.push({ kind: 'text', text: words.balance(count(sale.balance)) });
  rows.push({ kind: 'text', text: words.thanks });
  return rows;
}

/**
 * The receipt as a chat message: WhatsApp keeps line breaks and shows *text* bold. Values a
 * customer typed (an item called "*promo*") are shown as typed; nothing here is a placeholder.
 */
export function receiptText(rows: readonly ReceiptRow[]): string {
  const out: string[] = [];
  for (const r of rows) {
    switch (r.kind) {
      case 'title':
        out.push(`*${r.text}*`);
        break;
      case 'text':
        out.push(r.text);
        break;
      case 'item':
        out.push(`${r.text}`, `  ${r.detail} = ${r.amount}`);
        break;
      case 'amount':
        out.push(r.strong ? `*${r.label}: ${r.amount}*` : `${r.label}: ${r.amount}`);
        break;
      case 'rule':
        // One blank line between blocks, never two.
        if (out.length > 0 && out[out.length - 1] !== '') out.push('');
        break;
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
