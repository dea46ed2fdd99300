import { useEffect } from 'react';
import { useRepositories } from './services';

/** Start-up work waits this long at most for the first screen to settle. */
const IDLE_TIMEOUT_MS = 3000;

/**
 * Work that runs once when the app opens: today's birthday bonuses (their ids derive from the
 * contact and the year, so running on two devices, or twice, gives one bonus). It waits until
 * the first screen has drawn and the window is idle, so a big book opens as fast as a small
 * one. Failures are left to GlobalErrors: they changed nothing (one transaction).
 */
export function StartupTasks() {
  const { loyalty } = useRepositories();
  useEffect(() => {
    const handle = requestIdleCallback(() => void loyalty.grantBirthdayBonuses(), {
      timeout: IDLE_TIMEOUT_MS,
    });
    return () => cancelIdleCallback(handle);
  }, [loyalty]);
  return null;
}
