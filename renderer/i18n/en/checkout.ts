/**
 * Texts of the checkout (lines, points redeemed in a sale, the receipt), referrals and Today at
 * a glance. Bahasa Indonesia in ../id/checkout.ts must have the same keys.
 */
export const checkout = {
  lines: {
    title: 'Items',
    item: 'Item {{n}}',
    itemPlaceholder: 'Item',
    quantity: 'Quantity {{n}}',
    unitPrice: 'Unit price {{n}}',
    unitPricePlaceholder: 'Unit price',
    remove: 'Remove item {{n}}',
    add: 'Add item',
    fromLines: 'The sum of the items',
  },
  points: {
    available: 'Points available: {{points}} (worth {{amount}})',
    redeem: 'Redeem points',
    discount: '{{amount}} off',
    max: 'Up to {{points}} in this sale',
    useMax: 'Use the most',
    noDiscountRule:
      'Your loyalty rules give points no money value, so they are not redeemed at the checkout.',
    onlyToday: 'Points are redeemed only in a sale of today.',
    nothingToRedeem: 'No points to redeem yet.',
    noEarnWhenRedeeming: 'Your rules: a sale that redeems points earns none.',
  },
  summary: {
    toPay: 'To pay',
  },
  result: {
    paid: 'Sale saved: {{amount}} paid',
    redeemed: '{{points}} points redeemed ({{amount}} off)',
    earned: 'Points earned: {{points}}',
    earnBlocked: 'No points earned: your rules do not earn on a sale that redeems.',
    referral: 'Their referrer got {{points}} referral points.',
    newBalance: 'New balance',
  },
  receipt: {
    title: 'Receipt',
    subtotal: 'Subtotal',
    total: 'Total',
    payment: 'Paid by',
    thanks: 'Thank you for shopping with us!',
    invoice: 'Invoice {{no}}',
    redeemed: 'Points redeemed ({{points}})',
    earned: 'Points earned: {{points}}',
    bonus: 'Welcome bonus: {{points}} points',
    balance: 'Your points: {{points}}',
    sendWhatsApp: 'Send receipt on WhatsApp',
    print: 'Print receipt',
    width: 'Receipt roll width',
  },
  settings: {
    referralBonus: 'Referral bonus (points)',
    referralHelp:
      'Referral: to the customer who referred a new one, when the new customer first buys.',
    earnWithRedemption: 'A sale that redeems points also earns points',
    earnWithRedemptionHelp:
      'Some programs forbid earning and redeeming in one sale; switch this off to do the same.',
  },
  errors: {
    quantity: 'Enter a quantity above zero.',
    price: 'Enter the item’s unit price.',
    lineRounds: 'Quantity × price is not a whole amount: check the quantity.',
    tooLarge: 'The sale is too large.',
    redeemNotAllowed: 'Your loyalty rules do not allow redeeming points as a discount.',
    redeemTooMuch: 'At most {{max}} points can be redeemed in this sale.',
    redeemWhole: 'Redeem a whole number of points.',
    nothingToPay: 'Enter the items or the amount first.',
    redeemPastSale: 'Points are redeemed only in a sale of today.',
    linesTotal: 'The items do not add up to the amount.',
    referSelf: 'A customer cannot refer themselves.',
  },
  referral: {
    referredBy: 'Referred by',
    referredByHelp: 'They get the referral bonus when this customer first buys.',
    referredByLine: 'Referred by {{name}}',
    referredCount: 'Customers they referred: {{count}}',
    ledgerReason: 'Referral',
  },
  glance: {
    title: 'Today at a glance',
    sales: 'Sales',
    revenue: 'Revenue',
    newMembers: 'New members',
    pointsIssued: 'Points issued',
    overdue: 'Overdue follow-ups: {{count}}',
  },
  reports: {
    referrals: 'Referrals',
    advocates: 'Advocates: {{count}}',
    referralsInfo:
      'New customers who came through a referral: counted in the period of their first purchase, once per person.',
  },
};
