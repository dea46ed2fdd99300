/**
 * The app's services for React: repositories (storage) and the host bridge. Components read
 * them with these hooks and never construct them.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { HostApi } from '../../shared/host-api';
import type { Repositories } from '../db';

interface Services {
  repos: Repositories;
  host: HostApi;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('ServicesProvider is missing');
  return s;
}

export const useRepositories = (): Repositories => useServices().repos;
export const useHost = (): HostApi => useServices().host;
