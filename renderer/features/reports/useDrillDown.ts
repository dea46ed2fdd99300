/**
 * Clicking a segment, a bar or a cell opens the contact list filtered to those customers, so
 * the owner can act on them (a bulk action, a WhatsApp template) instead of only looking.
 */
import { useNavigate } from 'react-router';
import type { DrillQuery } from '../../../shared/reports';
import { useUiStore } from '../../app/ui-store';

export function useDrillDown(drill: (q: DrillQuery) => Promise<string[]>) {
  const navigate = useNavigate();
  const setFilter = useUiStore((s) => s.setContactIdFilter);
  return async (query: DrillQuery, label: string) => {
    const ids = await drill(query);
    setFilter({ label, ids });
    navigate('/contacts');
  };
}
