import {
  IconAddressBook,
  IconChartBar,
  IconChecklist,
  IconGift,
  IconHome,
  IconRefresh,
  IconSettings,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  path: string;
  /** i18n key of the label. */
  label: string;
  /** i18n key of a shorter label for the phone's bottom bar, where space is tight. */
  shortLabel?: string;
  icon: Icon;
}

/** Every area of the mission, in the order a shop owner's day goes. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/today', label: 'nav.today', icon: IconHome },
  { path: '/contacts', label: 'nav.contacts', icon: IconAddressBook },
  { path: '/followups', label: 'nav.followups', icon: IconChecklist },
  { path: '/sales', label: 'nav.sales', icon: IconGift },
  { path: '/reports', label: 'nav.reports', icon: IconChartBar },
  { path: '/backup', label: 'nav.backup', icon: IconRefresh },
  { path: '/settings', label: 'nav.settings', icon: IconSettings },
];

/** The phone's bottom bar: the field work of a day (the rest is under "More"). */
export const PHONE_BAR_ITEMS: readonly NavItem[] = [
  { path: '/today', label: 'nav.today', icon: IconHome },
  { path: '/contacts', label: 'nav.contacts', icon: IconAddressBook },
  { path: '/followups', label: 'nav.followups', icon: IconChecklist },
  { path: '/sales', label: 'nav.sales', shortLabel: 'anywhere.phone.sales', icon: IconGift },
];
