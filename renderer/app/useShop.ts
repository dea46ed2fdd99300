import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SHOP, type ShopSettings } from '../../shared/shop-settings';
import { useRepositories } from './services';

/** The shop's currency and time zone (synced settings), the defaults until they are read. */
export function useShop(): ShopSettings {
  const { shop } = useRepositories();
  return useLiveQuery(() => shop.get(), [shop]) ?? DEFAULT_SHOP;
}
