import { createContext, use, type ReactNode } from 'react';
import type { NinaEndpoints } from '../endpoints';
import type { NinaHttp } from '../http';

export interface NinaClient {
  http: NinaHttp;
  endpoints: NinaEndpoints;
}

const NinaClientContext = createContext<NinaClient | null>(null);

export function NinaClientProvider({ client, children }: { client: NinaClient; children: ReactNode }) {
  return <NinaClientContext value={client}>{children}</NinaClientContext>;
}

export function useNinaClient(): NinaClient {
  const client = use(NinaClientContext);
  if (!client) throw new Error('useNinaClient needs a NinaClientProvider above it');
  return client;
}
