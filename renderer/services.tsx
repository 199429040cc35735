/**
 * What every screen needs and the app creates once: the host platform and the background pipeline
 * (parsing and linking in a Web Worker). The database comes through renderer/db's own provider.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Platform } from './platform';
import type { Pipeline } from './worker/pipeline';

export interface Services {
  readonly platform: Platform;
  readonly pipeline: Pipeline;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  readonly services: Services;
  readonly children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The platform and pipeline; throws when rendered outside the provider (a programming error). */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) throw new Error('useServices() needs a <ServicesProvider> above it.');
  return services;
}
