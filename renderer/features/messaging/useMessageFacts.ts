/**
 * What a message about one customer can say (shared/timeline/message-values.ts MessageFacts):
 * their name and form of address, points, tier, the next points to expire, the last purchase
 * and the shop profile, read live so the preview follows any change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { MessageFacts } from '../../../shared/timeline/message-values';
import { useRepositories } from '../../app/services';
import { useShop } from '../../app/useShop';

/** Days ahead in which expiring points are worth a mention. */
const EXPIRY_DAYS = 30;

export function useMessageFacts(
  contact:
    | {
        id: string;
        name: string;
        firstName?: string;
        salutation?: MessageFacts['contact']['salutation'];
      }
    | undefined,
): MessageFacts | undefined {
  const { loyalty, contacts } = useRepositories();
  const shop = useShop();
  const id = contact?.id;
  const read = useLiveQuery(async () => {
    if (!id) return undefined;
    const [l, f] = await Promise.all([
      loyalty.contactLoyalty(id, EXPIRY_DAYS, { history: false }),
      contacts.facts(id),
    ]);
    return { l, f };
  }, [loyalty, contacts, id]);
  if (!contact || !read || read.l === undefined) return undefined;
  const first = read.l.expiringSoon[0];
  return {
    contact: {
      name: contact.name,
      ...(contact.firstName !== undefined && { firstName: contact.firstName }),
      ...(contact.salutation !== undefined && { salutation: contact.salutation }),
    },
    points: read.l.available,
    tier: read.l.tier.tier.name,
    ...(first && {
      expiring: { points: first.points, at: new Date(first.expiresAtMs).toISOString() },
    }),
    ...(read.f.lastPurchaseAt !== undefined && { lastPurchaseAt: read.f.lastPurchaseAt }),
    shop: shop.profile,
    ...(shop.timeZone !== undefined && { timeZone: shop.timeZone }),
  };
}
