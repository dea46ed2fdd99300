import { PAYMENT_METHODS } from '../../../shared/schemas';

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Select options for the payment methods, in the current language. */
export function paymentOptions(t: (key: string) => string) {
  return PAYMENT_METHODS.map((m) => ({ value: m, label: t(`sales.payment.${m}`) }));
}
