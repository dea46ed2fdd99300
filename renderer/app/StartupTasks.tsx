import { useEffect } from 'react';
import { useRepositories } from './services';

/**
 * Work that runs once when the app opens: today's birthday bonuses (their ids derive from the
 * contact and the year, so running on two devices, or twice, gives one bonus). Failures are
 * left to GlobalErrors: they changed nothing (one transaction).
 */
export function StartupTasks() {
  const { loyalty } = useRepositories();
  useEffect(() => {
    void loyalty.grantBirthdayBonuses();
  }, [loyalty]);
  return null;
}
