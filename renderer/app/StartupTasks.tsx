import { useEffect } from 'react';
import { useRepositories } from './services';

/** Start-up work waits this long at most for the first screen to settle. */
const IDLE_TIMEOUT_MS = 3000;
/** A window left open past midnight still grants the new day's birthday bonuses. */
const REPEAT_MS = 60 * 60_000;

/**
 * Work that runs when the app opens, then every hour: today's birthday bonuses. This is the one
 * place they are granted (reading a contact or the Sales screen never writes); their ids derive
 * from the contact and the year, so running on two devices, or twice, gives one bonus. It waits
 * until the first screen has drawn and the window is idle, so a big book opens as fast as a
 * small one. Failures are left to GlobalErrors: they changed nothing (one transaction).
 */
export function StartupTasks() {
  const { loyalty } = useRepositories();
  useEffect(() => {
    let handle = 0;
    const run = () => {
      handle = requestIdleCallback(() => void loyalty.grantBirthdayBonuses(), {
        timeout: IDLE_TIMEOUT_MS,
      });
    };
    run();
    const timer = setInterval(run, REPEAT_MS);
    return () => {
      clearInterval(timer);
      cancelIdleCallback(handle);
    };
  }, [loyalty]);
  return null;
}
