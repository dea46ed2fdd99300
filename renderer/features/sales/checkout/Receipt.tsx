import type { TFunction } from 'i18next';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ReceiptRow, ReceiptWords } from '../../../../shared/sales/receipt';

export const RECEIPT_WIDTHS = [58, 80] as const;
export type ReceiptWidth = (typeof RECEIPT_WIDTHS)[number];

/** The receipt's words in the current language (shared/sales/receipt.ts formats the rest). */
export function useReceiptWords(): ReceiptWords {
  const { t } = useTranslation();
  return receiptWords(t);
}

/** The receipt's words in the language of `t` (a WhatsApp message may be in the other one). */
export function receiptWords(t: TFunction): ReceiptWords {
  return {
    receipt: t('checkout.receipt.title'),
    subtotal: t('checkout.receipt.subtotal'),
    total: t('checkout.receipt.total'),
    payment: t('checkout.receipt.payment'),
    thanks: t('checkout.receipt.thanks'),
    invoice: (no) => t('checkout.receipt.invoice', { no }),
    redeemed: (points) => t('checkout.receipt.redeemed', { points }),
    earned: (points) => t('checkout.receipt.earned', { points }),
    bonus: (points) => t('checkout.receipt.bonus', { points }),
    balance: (points) => t('checkout.receipt.balance', { points }),
  };
}

/** A receipt as a narrow roll shows it (58 or 80 mm wide), on screen and on paper. */
export function ReceiptView({ rows, width }: { rows: readonly ReceiptRow[]; width: ReceiptWidth }) {
  return (
    <div className="kenal-receipt" data-width={width} data-testid="receipt">
      {rows.map((r, i) => {
        switch (r.kind) {
          case 'title':
            return (
              <div key={i} className="kenal-receipt-title">
                {r.text}
              </div>
            );
          case 'text':
            return <div key={i}>{r.text}</div>;
          case 'item':
            return (
              <div key={i}>
                <div>{r.text}</div>
                <div className="kenal-receipt-row">
                  <span>{r.detail}</span>
                  <span>{r.amount}</span>
                </div>
              </div>
            );
          case 'amount':
            return (
              <div key={i} className="kenal-receipt-row" data-strong={r.strong ? '' : undefined}>
                <span>{r.label}</span>
                <span>{r.amount}</span>
              </div>
            );
          case 'rule':
            return <div key={i} className="kenal-receipt-rule" />;
        }
      })}
    </div>
  );
}

/**
 * The receipt outside the app's tree, shown only when printing (app.css hides everything else
 * under @media print), so window.print() sends just the receipt to a 58/80 mm roll.
 */
export function PrintableReceipt({
  rows,
  width,
}: {
  rows: readonly ReceiptRow[];
  width: ReceiptWidth;
}) {
  return createPortal(
    <div className="kenal-print-root" data-width={width}>
      <style>{`@media print { @page { size: ${width}mm auto; margin: 0; } }`}</style>
      <ReceiptView rows={rows} width={width} />
    </div>,
    document.body,
  );
}
