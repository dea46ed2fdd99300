import { NAV_ITEMS } from '../../app/navigation';
import { ComingSoonPage } from '../placeholder/ComingSoonPage';

const item = NAV_ITEMS.find((i) => i.path === '/sales')!;

/** Not built yet: says what is coming. */
export function SalesPage() {
  return <ComingSoonPage item={item} area="sales" />;
}
