/** The shop's currency and time zone, and the messages of the money and date fields. */
export const shop = {
  title: 'Shop',
  description:
    'How amounts and times are read. These settings sync to every device, so all of them read the same file the same way.',
  currency: 'Currency',
  currencyHelp:
    'Amounts are kept in its smallest unit ({{decimals}} decimals). Changing it does not convert amounts already recorded.',
  timeZone: 'Time zone',
  timeZoneHelp:
    'The shop’s days and months are counted in this zone, whatever the device’s own: imported times, sale dates, loyalty rule dates, points expiry, tier windows, birthdays, what is due today and report months. Changing it recalculates the kept customer figures.',
  timeZoneUnset: 'Not set: this device’s zone ({{zone}}) is used',
  saved: 'Shop settings saved',
  profile: {
    title: 'Shop profile',
    description:
      'How your messages are signed. Templates use these as {shopName}, {shopAddress}, {shopPhone} and {signOff}.',
    name: 'Shop name',
    address: 'Address',
    phone: 'Phone',
    signOff: 'Sign-off',
    signOffHelp:
      'The last line of a message, e.g. “Salam hangat, Toko Sinar”. Empty: the shop name.',
  },
  errors: {
    tooLong: 'This text is too long.',
    currency: 'That currency is not known.',
    timeZone: 'That time zone is not known.',
  },
  money: {
    invalid: '“{{text}}” is not an amount. Type it like {{example}}.',
    ambiguous:
      '“{{text}}” could be read two ways (thousands or decimals). Type it without a separator or with both, like {{example}}.',
    wouldRound:
      '“{{text}}” has more decimals than {{currency}} has: it would have to be rounded. Check the amount or the shop currency in Settings.',
    tooLarge: '“{{text}}” is too large.',
    negative: 'The amount cannot be negative.',
    readAs: 'Read as {{amount}}',
  },
  dates: {
    outOfRange: 'This date is outside the dates allowed here.',
    impossible: 'This date does not exist. Check the day and the month.',
    format: 'Type a date as {{pattern}}.',
  },
};
