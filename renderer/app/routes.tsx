import { createHashRouter, Navigate } from 'react-router';
import { ContactsPage } from '../features/contacts/ContactsPage';
import { BackupSyncPage } from '../features/backup-sync/BackupSyncPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { FollowUpsPage } from '../features/followups/FollowUpsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SalesPage } from '../features/sales/SalesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TodayPage } from '../features/today/TodayPage';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { Shell } from './Shell';

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
            { path: 'followups', element: <FollowUpsPage /> },
            { path: 'sales', element: <SalesPage /> },
            { path: 'reports', element: <ReportsPage /> },
            { path: 'backup', element: <BackupSyncPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: '*', element: <Navigate to="/today" replace /> },
          ],
        },
      ],
    },
  ]);
}
