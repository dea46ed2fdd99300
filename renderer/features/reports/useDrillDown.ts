/**
 * Clicking a segment, a bar or a cell opens the contact list filtered to those customers, so
 * the owner can act on them (a bulk action, a WhatsApp template) instead of only looking.
 */
import { useNavigate } from 'react-router';
import type { DrillQuery } from '../../../shared/reports';
import { useUiStore } from '../../app/ui-store';
import { useContactsView } from '../contacts/contacts-view-store';

/**
 * The list opens clean: the last search and filters would hide most of "the lost customers"
 * (issue #19 item 9); the report's period stays in its store for Back.
 */
export function useDrillDown(drill: (q: DrillQuery) => Promise<string[]>) {
  const navigate = useNavigate();
  const setIdFilter = useUiStore((s) => s.setContactIdFilter);
  const setQuery = useUiStore((s) => s.setContactQuery);
  const setFilter = useContactsView((s) => s.setFilter);
  return async (query: DrillQuery, label: string) => {
    const ids = await drill(query);
    setQuery('');
    setFilter({});
    setIdFilter({ label, ids, from: '/reports' });
    void navigate('/contacts');
  };
}
