import { createHashRouter, Navigate } from 'react-router';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { ComingSoonPage } from '../features/placeholder/ComingSoonPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TodayPage } from '../features/today/TodayPage';
import { NAV_ITEMS, type NavItem } from './navigation';
import { Shell } from './Shell';

const nav = (path: string): NavItem => {
  const item = NAV_ITEMS.find((i) => i.path === path);
  if (!item) throw new Error(`no nav item ${path}`);
  return item;
};

/** Hash routes: file:// in Electron has no server to answer deep links. */
export function createRouter() {
  return createHashRouter([
    {
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/today" replace /> },
        { path: 'today', element: <TodayPage /> },
        { path: 'contacts', element: <ContactsPage /> },
        { path: 'contacts/new', element: <ContactsPage /> },
        { path: 'contacts/:id', element: <ContactsPage /> },
        {
          path: 'followups',
          element: <ComingSoonPage item={nav('/followups')} area="followups" />,
        },
        { path: 'sales', element: <ComingSoonPage item={nav('/sales')} area="sales" /> },
        { path: 'reports', element: <ComingSoonPage item={nav('/reports')} area="reports" /> },
        { path: 'backup', element: <ComingSoonPage item={nav('/backup')} area="backup" /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/today" replace /> },
      ],
    },
  ]);
}
