import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { useActivityStore } from '../../store/activity';
import { NinaError, isNinaError } from '../errors';
import type { NinaHttp } from '../http';
import { isSequenceRunning, sequenceListSchema, sequenceTreeSchema, type SequenceNode, type SequenceTree } from '../schemas/sequence';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/**
 * The advanced sequence (notes §12). `sequence/json` is read once, again on SEQUENCE-* events
 * (consumers/sequence.ts), and every 2 s only while a sequence runs and the view is open.
 * `sequence/state` is never used: it serializes every property of every item, deeply.
 */
export const SEQUENCE_POLL_MS = 2_000;

/** Loading deserializes the whole file on NINA's side; a large sequence takes a moment. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * TakeExposure's ExposureCount is a progress counter NINA never resets (notes §18), and Take Many
 * Exposures does not report its loop's progress in `sequence/json`. The count seen while the item
 * was last waiting (CREATED) is carried from read to read, so frames done = count − that baseline.
 */
export function carryExposureBaselines(previous: SequenceTree | undefined, next: SequenceTree): SequenceTree {
  const before = new Map<string, SequenceNode>();
  const index = (nodes: readonly SequenceNode[]) => {
    for (const node of nodes) {
      before.set(node.id, node);
      index(node.items);
    }
  };
  if (previous) index(previous.areas);
  const carry = (node: SequenceNode): SequenceNode => {
    const items = node.items.map(carry);
    if (node.kind !== 'take-many-exposures' || !node.exposure) return { ...node, items };
    const earlier = before.get(node.id)?.exposure;
    const countAtStart = node.status === 'CREATED' ? node.exposure.exposureCount : (earlier?.countAtStart ?? 0);
    return { ...node, items, exposure: { ...node.exposure, countAtStart } };
  };
  return { ...next, areas: next.areas.map(carry) };
}

export const sequenceTreeQuery = (http: NinaHttp, poll: boolean) =>
  queryOptions({
    queryKey: ninaKeys.sequenceTree(http.baseUrl),
    queryFn: async ({ signal, client, queryKey }): Promise<SequenceTree> => {
      const tree = await http.get('/sequence/json', sequenceTreeSchema, { signal });
      return carryExposureBaselines(client.getQueryData<SequenceTree>(queryKey), tree);
    },
    refetchInterval: (query) => (poll || (query.state.data !== undefined && isSequenceRunning(query.state.data)) ? SEQUENCE_POLL_MS : false),
    refetchIntervalInBackground: false,
    // The next poll or event is the retry: a failure shows at once.
    retry: false,
  });

/**
 * The loaded sequence with its statuses. A page opened while a sequence runs learns it here (the
 * SEQUENCE-STARTING event came before), and tells the other views so they ask before manual commands.
 */
export function useSequenceTree() {
  const { http } = useNinaClient();
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const query = useQuery(sequenceTreeQuery(http, sequenceRunning));
  const runningInTree = query.data !== undefined && isSequenceRunning(query.data);
  useEffect(() => {
    if (runningInTree && !useActivityStore.getState().sequenceRunning) useActivityStore.getState().setSequenceRunning(true);
  }, [runningInTree]);
  return query;
}

export const sequenceListQuery = (http: NinaHttp) =>
  queryOptions({
    queryKey: ninaKeys.sequenceList(http.baseUrl),
    queryFn: ({ signal }) => http.get('/sequence/list-available', sequenceListSchema, { signal }),
    staleTime: 30_000,
  });

export function useSavedSequences() {
  const { http } = useNinaClient();
  return useQuery(sequenceListQuery(http));
}

export type SequenceCommand =
  | { kind: 'start'; skipValidation: boolean }
  | { kind: 'stop' }
  | { kind: 'reset' }
  | { kind: 'skip-current' }
  | { kind: 'load-saved'; name: string }
  | { kind: 'load-json'; json: string };

/** The catch-all answer to a body NINA cannot deserialize says nothing; say where the reason is. */
function explainLoadFailure(error: unknown): unknown {
  if (!isNinaError(error) || error.kind !== 'nina' || error.statusCode !== 500) return error;
  return new NinaError(
    {
      kind: 'nina',
      path: error.path,
      statusCode: error.statusCode,
      ninaError: error.ninaError,
      response: error.response,
      message: `${error.message}: NINA could not read the sequence. The plugin answers every reading problem this way; NINA's log names the reason.`,
    },
    { cause: error },
  );
}

export async function sendSequenceCommand(http: NinaHttp, command: SequenceCommand): Promise<string> {
  switch (command.kind) {
    case 'start':
      // Booleans go as true/false; NINA answers before its own validation runs (notes §12).
      return http.get('/sequence/start', z.string(), { query: { skipValidation: command.skipValidation } });
    case 'stop':
      return http.get('/sequence/stop', z.string());
    case 'reset':
      return http.get('/sequence/reset', z.string());
    case 'skip-current':
      return http.get('/sequence/skip', z.string(), { query: { type: 'CurrentItems' } });
    case 'load-saved':
      return http.get('/sequence/load', z.string(), { query: { sequenceName: command.name }, timeoutMs: LOAD_TIMEOUT_MS });
    case 'load-json': {
      if (!http.post) throw new Error('This connection to NINA cannot send a sequence');
      try {
        return await http.post('/sequence/load', command.json, z.string(), { timeoutMs: LOAD_TIMEOUT_MS });
      } catch (error) {
        throw explainLoadFailure(error);
      }
    }
  }
}

/** One sequence command: never retried; resolves with NINA's own Response text. */
export function useSequenceCommand() {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...ninaKeys.sequence(http.baseUrl), 'command'],
    retry: false,
    mutationFn: (command: SequenceCommand) => sendSequenceCommand(http, command),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ninaKeys.sequence(http.baseUrl) }),
  });
}
