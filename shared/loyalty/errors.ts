/**
 * Every error code the loyalty repository (sales, points, rules, feedback) returns to the UI.
 * The codes are the i18n keys the screens show (tests/unit/loyalty/errors.test.ts checks each
 * exists in English and Bahasa Indonesia).
 */
export const LOYALTY_ERRORS = [
  'checkout.errors.lineRounds',
  'checkout.errors.linesTotal',
  'checkout.errors.nothingToPay',
  'checkout.errors.price',
  'checkout.errors.quantity',
  'checkout.errors.redeemNotAllowed',
  'checkout.errors.redeemPastSale',
  'checkout.errors.redeemTooMuch',
  'checkout.errors.redeemWhole',
  'checkout.errors.tooLarge',
  'privacy.erase.blocked',
  'sales.errors.amountPositive',
  'sales.errors.amountTooLarge',
  'sales.errors.amountWhole',
  'sales.errors.contactNotFound',
  'sales.errors.insufficientPoints',
  'sales.errors.invalid',
  'sales.errors.pointsNotZero',
  'sales.errors.pointsPositive',
  'sales.errors.pointsTooLarge',
  'sales.errors.pointsWhole',
  'sales.errors.reasonRequired',
  'sales.errors.refundBeforeSale',
  'sales.errors.refundFuture',
  'sales.errors.refundTooMuch',
  'sales.errors.rulesInvalid',
  'sales.errors.saleNotFound',
  'sales.errors.scoreRange',
] as const;
export type LoyaltyError = (typeof LOYALTY_ERRORS)[number];

export const isLoyaltyError = (code: string): code is LoyaltyError =>
  (LOYALTY_ERRORS as readonly string[]).includes(code);
