/** Repository for sales, the loyalty ledger, loyalty rules and feedback (the sales and loyalty issue). */
import type { DeviceClock } from '../clock';
import type { KenalDb } from '../database';

export function createLoyaltyRepository(_db: KenalDb, _clock: DeviceClock) {
  return {};
}

export type LoyaltyRepository = ReturnType<typeof createLoyaltyRepository>;
