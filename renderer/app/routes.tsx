import { createHashRouter, Navigate } from 'react-router';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { QueuePage } from '../features/messaging/QueuePage';
import { TodayPage } from '../features/today/TodayPage';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { Shell } from './Shell';

/**
 * Screens other than Today and the contact list load on first visit: the first screen then
 * parses a third less JavaScript (chart.js, the importers and the sync code wait).
 */
const FollowUps = () =>
  import('../features/followups/FollowUpsPage').then((m) => ({ Component: m.FollowUpsPage }));
const Sales = () => import('../features/sales/SalesPage').then((m) => ({ Component: m.SalesPage }));
const Reports = () =>
  import('../features/reports/ReportsPage').then((m) => ({ Component: m.ReportsPage }));
const BackupSync = () =>
  import('../features/backup-sync/BackupSyncPage').then((m) => ({ Component: m.BackupSyncPage }));
const Settings = () =>
  import('../features/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage }));

/** Hash routes: file:// in Electron has no server to answer deep links. */
export function createRouter() {
  return createHashRouter([
    {
      element: <Shell />,
      children: [
        {
          // A screen that throws shows the error inside the shell; the sidebar keeps working.
          errorElement: <ScreenErrorBoundary />,
          children: [
            { index: true, element: <Navigate to="/today" replace /> },
            { path: 'today', element: <TodayPage /> },
            { path: 'contacts', element: <ContactsPage /> },
            { path: 'contacts/new', element: <ContactsPage /> },
            { path: 'contacts/:id', element: <ContactPage /> },
            { path: 'contacts/:id/edit', element: <ContactPage /> },
            { path: 'followups', lazy: FollowUps },
            { path: 'queue', element: <QueuePage /> },
            { path: 'sales', lazy: Sales },
            { path: 'reports', lazy: Reports },
            { path: 'backup', lazy: BackupSync },
            { path: 'settings', lazy: Settings },
            { path: '*', element: <Navigate to="/today" replace /> },
          ],
        },
      ],
    },
  ]);
}
