/**
 * INTEGRATION POINT with the loyalty engine (shared/loyalty/, another area, still being built).
 * The timeline does not depend on it: these hooks are where its numbers come in. Until then
 * they return nothing, so {points}/{tier} are reported as missing in a message and the Today
 * screen's "points about to expire" list stays empty.
 *
 * To wire: return the contact's balance and tier name from repos.loyalty (formatted with the
 * locale) in useLoyaltyPlaceholders, and the expiring points in useExpiringPoints.
 */
import type { TemplateValues } from '../../../shared/timeline/templates';

/** What a "points about to expire" row on Today needs. */
export interface ExpiringPoints {
  contactId: string;
  points: number;
  /** When they expire, ISO. */
  expiresAt: string;
}

export function useLoyaltyPlaceholders(
  _contactId: string,
): Pick<TemplateValues, 'points' | 'tier'> {
  return {};
}

export function useExpiringPoints(): ExpiringPoints[] {
  return [];
}
