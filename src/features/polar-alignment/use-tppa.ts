import { useEffect, useState, useSyncExternalStore } from 'react';
import { useNinaClient } from '../../nina/api/client-context';
import type { TppaStartOptions } from '../../nina/schemas/tppa';
import { SOCKET_RECYCLE_AFTER_HIDDEN_MS } from '../../nina/sockets/events';
import { TppaClient, type TppaClientState, type TppaCommandResult } from '../../nina/sockets/tppa';
import { useAlertsStore } from '../../store/alerts';
import { usePolarHistory, type TppaDelivery } from '../../store/polar-history';
import { formatPolarAngleDeg } from '../../lib/polar-guidance';

const idle: TppaClientState = { link: 'connecting' };
/**
 * TPPA reports progress every 100 ms, faster than anyone reads; the view catches up at most this
 * often. Everything else (confirmations, readings) shows at once, after what came before it.
 */
export const PROGRESS_RENDER_MS = 250;
const notReady: TppaCommandResult = { ok: false, reason: 'The polar alignment link is not ready' };

/**
 * The view's one `/v2/tppa` link, created in an effect (so StrictMode cannot leak a socket) and
 * closed when the view goes. Every message feeds the polar history store.
 */
class TppaLink {
  private client: TppaClient | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly listeners = new Set<() => void>();

  attach(client: TppaClient) {
    this.detach();
    this.client = client;
    this.unsubscribe = client.subscribe(this.notify);
    this.notify();
  }

  detach() {
    this.unsubscribe?.();
    this.client?.dispose();
    this.client = undefined;
    this.notify();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): TppaClientState => this.client?.getState() ?? idle;

  start = (options: TppaStartOptions): TppaCommandResult => this.client?.start(options) ?? notReady;
  stop = (): TppaCommandResult => this.client?.stop() ?? notReady;
  pause = (): TppaCommandResult => this.client?.pause() ?? notReady;
  resume = (): TppaCommandResult => this.client?.resume() ?? notReady;
  reconnectNow = (reason: string) => this.client?.reconnectNow(reason);

  private notify = () => {
    for (const listener of this.listeners) listener();
  };
}

export type TppaCommands = Pick<TppaLink, 'start' | 'stop' | 'pause' | 'resume'>;

export function useTppa(): { commands: TppaCommands; state: TppaClientState } {
  const { endpoints } = useNinaClient();
  const [link] = useState(() => new TppaLink());

  useEffect(() => {
    const history = usePolarHistory.getState();
    let pending: TppaDelivery[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      const batch = pending;
      pending = [];
      if (batch.length > 0) history.receive(batch);
    };
    link.attach(
      new TppaClient({
        url: `${endpoints.socketBase}/v2/tppa`,
        onMessage: (message, context) => {
          pending.push({ message, context, atMs: Date.now() });
          if (message.kind !== 'progress') flush();
          else timer ??= setTimeout(flush, PROGRESS_RENDER_MS);
        },
      }),
    );
    // A phone that slept may hold a dead socket that has not noticed yet.
    let hiddenAtMs: number | undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAtMs = Date.now();
        return;
      }
      if (hiddenAtMs !== undefined && Date.now() - hiddenAtMs > SOCKET_RECYCLE_AFTER_HIDDEN_MS) link.reconnectNow('woke up after a long sleep');
      hiddenAtMs = undefined;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      link.detach();
      flush();
    };
  }, [link, endpoints.socketBase]);

  // The person at the mount may have the phone in a pocket: finishing is worth a toast and a sound.
  useEffect(
    () =>
      usePolarHistory.subscribe((state, previous) => {
        const run = state.runs.at(-1);
        const before = previous.runs.find((candidate) => candidate.id === run?.id);
        if (!run || run.status !== 'aligned' || before?.status === 'aligned') return;
        const last = run.readings.at(-1);
        useAlertsStore.getState().push({
          severity: 'info',
          title: 'Polar alignment within tolerance',
          detail: last ? `Total error ${formatPolarAngleDeg(last.totalDeg)}: TPPA finished by itself.` : undefined,
          source: 'polar alignment',
        });
      }),
    [],
  );

  const state = useSyncExternalStore(link.subscribe, link.getState);
  return { commands: link, state };
}
