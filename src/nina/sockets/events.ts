import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createFrameBatcher } from '../../lib/frame-batcher';
import { useConnectionStore } from '../../store/connection';
import { EVENT_LOG_CAPACITY, useEventLogStore, type NewEventLogEntry } from '../../store/event-log';
import { ninaKeys } from '../api/keys';
import type { EventConsumer } from '../consumers/types';
import { describeError } from '../errors';
import { applyEventToEquipment, deviceOfEvent, eventInvalidatesEquipment } from '../equipment-events';
import { historyRowToEntry, LIVE_ONLY_EVENTS, readHistoryRow, recoveredStateEvent, reconcileHistory, type HistoryRow } from '../event-history';
import type { NinaHttp } from '../http';
import type { EquipmentSnapshot } from '../schemas/equipment-snapshot';
import { parseSocketFrame, type NinaEvent } from '../schemas/events';
import { ReconnectingSocket } from './reconnecting-socket';

/**
 * The "collection" pattern (home-assistant-js-websocket): REST snapshots in the query cache,
 * `/v2/socket` events applied as deltas, and a full resync whenever the socket comes back,
 * including the events NINA's `/event-history` recorded while we were away.
 */

/** A phone that slept this long may hold a socket that is silently dead: dial again on wake. */
export const SOCKET_RECYCLE_AFTER_HIDDEN_MS = 30_000;
/** Reads of `/event-history` while live events keep making its overlap with them ambiguous. */
const HISTORY_ATTEMPTS = 3;

export interface EventSyncOptions {
  http: NinaHttp;
  socketUrl: string;
  queryClient: QueryClient;
  /** What else live events feed: session history, activity flags (see nina/consumers). */
  consumers?: readonly EventConsumer[];
}

interface Received {
  entry: NewEventLogEntry;
  event?: NinaEvent;
}

export function startEventSync({ http, socketUrl, queryClient, consumers = [] }: EventSyncOptions): () => void {
  const eventLog = useEventLogStore.getState();
  const connection = useConnectionStore.getState();

  // History rows accounted for, advanced by each live event. Kept in the (saved) event log, so a
  // reloaded page only adds the rows it has not seen.
  const cursor = {
    get: () => useEventLogStore.getState().historyCursor,
    set: (value: number) => useEventLogStore.getState().setHistoryCursor(value),
  };
  /** Names of live events received while a history request is in flight (they race with its reply). */
  let namesDuringSync: string[] | undefined;
  /** Live events held back while a history request is in flight, so the log stays in order. */
  let heldBack: Received[] | undefined;
  let historyRequest: AbortController | undefined;

  const deliver = (batch: Received[]) => {
    eventLog.append(batch.map((item) => item.entry));
    const events = batch.flatMap((item) => (item.event ? [item.event] : []));
    if (events.length === 0) return;
    connection.markEventReceived(Date.now());
    queryClient.setQueryData<EquipmentSnapshot>(ninaKeys.equipmentInfo(http.baseUrl), (snapshot) =>
      snapshot ? events.reduce(applyEventToEquipment, snapshot) : snapshot,
    );
    if (events.some(eventInvalidatesEquipment)) {
      void queryClient.invalidateQueries({ queryKey: ninaKeys.equipment(http.baseUrl) });
    } else {
      const touched = new Set(events.map((event) => deviceOfEvent(event.name)).filter((kind) => kind !== undefined));
      for (const kind of touched) void queryClient.invalidateQueries({ queryKey: ninaKeys.device(http.baseUrl, kind) });
    }
    for (const consumer of consumers) {
      try {
        consumer(events, { http, queryClient });
      } catch (error) {
        console.error('[skydeck] an event consumer failed', error);
      }
    }
  };
  const batcher = createFrameBatcher<Received>(deliver, { maxPending: EVENT_LOG_CAPACITY });

  const countLiveEvent = (name: string) => {
    if (LIVE_ONLY_EVENTS.has(name)) return;
    if (namesDuringSync) namesDuringSync.push(name);
    else cursor.set(cursor.get() + 1);
  };

  const receive = (item: Received) => {
    if (heldBack) heldBack.push(item);
    else batcher.push(item);
  };

  /** Each unknown event name is reported once: a storm of them would otherwise cost a console line each. */
  const unknownNames = new Set<string>();
  const onMessage = (text: string) => {
    const receivedAtMs = Date.now();
    const frame = parseSocketFrame(text);
    switch (frame.kind) {
      case 'event':
        countLiveEvent(frame.event.name);
        receive({
          event: frame.event,
          entry: {
            name: frame.event.name,
            receivedAtMs,
            source: 'live',
            data: frame.event.data,
            unknown: frame.event.known ? undefined : true,
          },
        });
        if (!frame.event.known && !unknownNames.has(frame.event.name)) {
          unknownNames.add(frame.event.name);
          console.info(`[skydeck] event without a schema: ${frame.event.name}`, frame.event.data);
        }
        return;
      case 'message':
        receive({ entry: { name: 'MESSAGE', receivedAtMs, source: 'live', data: { Text: frame.text } } });
        return;
      case 'invalid':
        if (frame.name) countLiveEvent(frame.name);
        console.warn(`[skydeck] unreadable event frame: ${frame.reason}`, frame.raw);
        receive({
          entry: {
            name: frame.name ?? 'UNREADABLE',
            receivedAtMs,
            source: 'live',
            data: typeof frame.raw === 'object' && frame.raw !== null ? (frame.raw as Record<string, unknown>) : { Raw: frame.raw },
            problem: frame.reason,
          },
        });
    }
  };

  let stopped = false;

  const syncHistory = async () => {
    historyRequest?.abort();
    const request = new AbortController();
    historyRequest = request;
    // A sync cut short by another reconnect hands over what it held back.
    heldBack ??= [];
    const names: string[] = namesDuringSync ?? [];
    namesDuringSync = names;
    let recovered: Received[];
    try {
      let reconciled: ReturnType<typeof reconcileHistory>;
      for (let attempt = 1; ; attempt += 1) {
        const liveBeforeRequest = names.length;
        const raw = await http.get('/event-history', z.array(z.unknown()), { signal: request.signal, timeoutMs: 30_000 });
        const rows = raw.map(readHistoryRow).filter((row): row is HistoryRow => row !== undefined);
        reconciled = reconcileHistory(rows, cursor.get(), names, liveBeforeRequest);
        if (!reconciled.ambiguous || attempt >= HISTORY_ATTEMPTS) break;
      }
      const { missed, cursor: next } = reconciled;
      // On first contact these are the events from before Skydeck was opened, as far as the log holds.
      const now = Date.now();
      recovered = missed.slice(-EVENT_LOG_CAPACITY).map((row) => ({ entry: historyRowToEntry(row, now), event: recoveredStateEvent(row) }));
      cursor.set(next);
    } catch (error) {
      if (request.signal.aborted) return;
      cursor.set(cursor.get() + names.length);
      recovered = [
        {
          entry: {
            name: 'HISTORY-UNAVAILABLE',
            receivedAtMs: Date.now(),
            source: 'live',
            data: {},
            problem: `Could not read NINA's event history, so events while the link was down may be missing: ${describeError(error)}`,
          },
        },
      ];
    }
    if (stopped || historyRequest !== request) return;
    namesDuringSync = undefined;
    const held = heldBack ?? [];
    heldBack = undefined;
    for (const item of recovered) batcher.push(item);
    for (const item of held) batcher.push(item);
  };

  const socket = new ReconnectingSocket({
    url: socketUrl,
    onMessage,
    onStatus: (status) => connection.setSocketStatus(status),
    onOpen: ({ reconnected }) => {
      if (reconnected) void queryClient.invalidateQueries({ queryKey: ninaKeys.all(http.baseUrl) });
      void syncHistory();
    },
  });

  let hiddenAtMs: number | undefined;
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      hiddenAtMs = Date.now();
      return;
    }
    if (hiddenAtMs !== undefined && Date.now() - hiddenAtMs > SOCKET_RECYCLE_AFTER_HIDDEN_MS) {
      socket.reconnectNow('woke up after a long sleep');
    }
    hiddenAtMs = undefined;
  };
  const onOnline = () => socket.reconnectNow('network came back');

  useConnectionStore.setState({ reconnect: () => socket.reconnectNow('reconnect requested') });
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', onOnline);
  socket.start();

  return () => {
    stopped = true;
    useConnectionStore.setState({ reconnect: undefined });
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('online', onOnline);
    historyRequest?.abort();
    socket.stop();
    batcher.flush();
    batcher.dispose();
  };
}
