import { MutationCache, QueryClient } from '@tanstack/react-query';
import { describeError, isNinaError, isTransient } from '../nina/errors';
import { useAlertsStore } from '../store/alerts';

/**
 * Reads retry when the link hiccups; NINA's own refusals and unreadable payloads do not change
 * on a retry. Commands (mutations) are never retried: a slew or an exposure must not run twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    // A refused command is shown where it was given, and as an alert so it is not missed elsewhere.
    mutationCache: new MutationCache({
      onError: (error) => {
        useAlertsStore.getState().push({
          severity: 'error',
          title: isNinaError(error) && error.kind === 'nina' ? 'NINA refused a command' : 'A command did not reach NINA',
          detail: describeError(error),
          source: isNinaError(error) ? error.path : 'command',
        });
      },
    }),
    defaultOptions: {
      queries: {
        // One quick retry for a dropped connection; a timeout already waited long enough.
        retry: (failureCount, error) => failureCount < 1 && isTransient(error) && !(isNinaError(error) && error.kind === 'timeout'),
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}
