/**
 * Repository for sales, the loyalty ledger, loyalty rules and feedback. Sales, ledger entries
 * and feedback are immutable events: a refund or a correction is a new event. Balances, expiry
 * and tiers are never stored: they are derived from the ledger and the rules on every read
 * (shared/loyalty), so every device shows the same numbers after a merge.
 *
 * One file per operation group, composed here so `repos.loyalty.method(...)` keeps its shape.
 */
import type { DeviceClock } from '../../clock';
import type { KenalDb } from '../../database';
import { createBirthdayOperations } from './birthday';
import { createLoyaltyContext } from './context';
import { createFeedbackOperations } from './feedback';
import { createPointsOperations } from './points';
import { createRulesOperations } from './rules';
import { createSaleOperations } from './sales';
import { createSalesImportOperations } from './sales-import';
import { createSaleQueries } from './sales-queries';

export type * from './types';

export function createLoyaltyRepository(
  db: KenalDb,
  clock: DeviceClock,
  now: () => Date = () => new Date(),
) {
  const ctx = createLoyaltyContext(db, clock, now);
  return {
    ...createRulesOperations(ctx),
    ...createSaleOperations(ctx),
    ...createSaleQueries(ctx),
    ...createPointsOperations(ctx),
    ...createBirthdayOperations(ctx),
    ...createFeedbackOperations(ctx),
    ...createSalesImportOperations(ctx),
  };
}

export type LoyaltyRepository = ReturnType<typeof createLoyaltyRepository>;
