import { QueryClient } from '@tanstack/react-query';
import { isTransient } from '../nina/errors';

/**
 * Reads retry when the link hiccups; NINA's own refusals and unreadable payloads do not change
 * on a retry. Commands (mutations) are never retried: a slew or an exposure must not run twice.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => failureCount < 2 && isTransient(error),
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
      },
      mutations: { retry: false },
    },
  });
}
