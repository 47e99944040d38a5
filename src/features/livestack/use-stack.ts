import { useSyncExternalStore } from 'react';
import { useNinaClient } from '../../nina/api/client-context';
import { useLiveStackInfo } from '../../nina/api/livestack';
import { stackCountsOf, type StackCounts } from '../../nina/schemas/livestack';
import { useStackUpdate } from '../../store/livestack-updates';
import { integrationOf } from './integration';
import { useSavedFrames } from './saved-frames';
import type { StackTileRef } from './stack-groups';

function countsSignature(counts: StackCounts | undefined): string {
  if (!counts) return 'none';
  return counts.kind === 'mono' ? `${counts.frames}` : `${counts.red}/${counts.green}/${counts.blue}`;
}

/**
 * Everything about one stack: its counts (`/info` once, then each STACK-UPDATED), when it was last
 * updated, its integration time, and the version its picture must show. The version changes with
 * every STACK-UPDATED naming the stack and whenever NINA's counts differ from the ones shown (after
 * a reconnect), and with nothing else, so a picture is fetched once per change and never polled.
 */
export function useStack(stack: StackTileRef) {
  const { http } = useNinaClient();
  const info = useLiveStackInfo(stack.target, stack.filter);
  const update = useStackUpdate(http.baseUrl, stack.key);
  const saved = useSavedFrames().get(stack.key);
  const counts = info.data ? stackCountsOf(info.data) : undefined;
  const revision = update?.revision ?? 0;
  // Until NINA has said what the stack holds there is nothing to ask for; a stack it does not
  // know (its /info fails) is still asked for once, so NINA's own answer shows in the tile.
  const version = info.data ? `${revision}:${countsSignature(counts)}` : info.isError ? `${revision}:unknown` : undefined;
  return { info, counts, update, saved, integration: integrationOf(counts, saved), version };
}

function subscribeToVisibility(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** Whether the page is on screen: a hidden tab fetches nothing and catches up when shown. */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeToVisibility,
    () => document.visibilityState === 'visible',
    () => true,
  );
}
