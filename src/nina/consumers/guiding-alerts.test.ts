import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useActivityStore } from '../../store/activity';
import { useAlertsStore } from '../../store/alerts';
import { guiderCommandKey, type GuiderCommand } from '../api/guider';
import type { NinaHttp } from '../http';
import type { NinaEvent } from '../schemas/events';
import { guidingAlerts, LOST_LOCK_POLL_MS } from './guiding-alerts';
import { sequenceActivity } from './sequence-activity';

const BASE = 'http://nina:1888';
const event = (name: string) => ({ name, known: true, data: {} }) as NinaEvent;

function fakeNina() {
  const nina = { state: 'Guiding', infoReads: 0 };
  const http: NinaHttp = {
    baseUrl: BASE,
    get: async (path, schema) => {
      if (path !== '/equipment/guider/info') throw new Error(`unexpected ${path}`);
      nina.infoReads += 1;
      return schema.parse({ Connected: true, State: nina.state });
    },
    getBlob: () => Promise.reject(new Error('no images here')),
  };
  return { nina, http };
}

describe('guidingAlerts', () => {
  let queryClient: QueryClient;
  let fake: ReturnType<typeof fakeNina>;
  /** Runs the batch as the event sync does: sequence-activity first. */
  const deliver = (...names: string[]) => {
    const events = names.map(event);
    const context = { http: fake.http, queryClient };
    sequenceActivity(events, context);
    guidingAlerts(events, context);
  };
  const alerts = () => useAlertsStore.getState().alerts.map((alert) => `${alert.severity}:${alert.title}`);

  beforeEach(() => {
    vi.useFakeTimers();
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    fake = fakeNina();
    useAlertsStore.getState().clear();
    useActivityStore.getState().setSequenceRunning(false);
  });

  afterEach(() => {
    deliver('SEQUENCE-FINISHED');
    queryClient.clear();
    vi.useRealTimers();
  });

  it('warns when guiding stops while a sequence runs, and not otherwise', () => {
    deliver('GUIDER-STOP');
    expect(alerts()).toEqual([]);
    deliver('SEQUENCE-STARTING');
    deliver('GUIDER-STOP');
    expect(alerts()).toEqual(['warning:Guiding stopped during the sequence']);
  });

  it('stays quiet when the stop comes with the end of the sequence', () => {
    deliver('SEQUENCE-STARTING');
    deliver('GUIDER-STOP', 'SEQUENCE-FINISHED');
    expect(alerts()).toEqual([]);
  });

  it('stays quiet when the user stopped guiding from this page', async () => {
    deliver('SEQUENCE-STARTING');
    const stop = new MutationObserver<string, Error, GuiderCommand>(queryClient, { mutationKey: guiderCommandKey(BASE), mutationFn: async () => 'Guiding stopped' });
    await stop.mutate({ kind: 'stop' });
    deliver('GUIDER-STOP');
    expect(alerts()).toEqual([]);
  });

  it('raises one error per lost star while a sequence runs, read from guider/info on its own timer', async () => {
    deliver('SEQUENCE-STARTING');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.nina.infoReads).toBe(1);
    fake.nina.state = 'LostLock';
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS);
    expect(alerts()).toEqual(['error:Guide star lost']);
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS * 2);
    expect(alerts()).toHaveLength(1);
    fake.nina.state = 'Guiding';
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS);
    fake.nina.state = 'LostLock';
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS);
    // A second loss while the first alert still shows counts on it rather than stacking another toast.
    expect(alerts()).toEqual(['error:Guide star lost']);
    expect(useAlertsStore.getState().alerts[0]!.repeats).toBe(2);
  });

  it('stops reading guider/info when the sequence finishes', async () => {
    deliver('SEQUENCE-STARTING');
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS * 2);
    deliver('SEQUENCE-FINISHED');
    const reads = fake.nina.infoReads;
    fake.nina.state = 'LostLock';
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS * 3);
    expect(fake.nina.infoReads).toBe(reads);
    expect(alerts()).toEqual([]);
  });

  it('stops reading guider/info however the sequence comes to be seen as over', async () => {
    deliver('SEQUENCE-STARTING');
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS);
    useActivityStore.getState().setSequenceRunning(false);
    const reads = fake.nina.infoReads;
    await vi.advanceTimersByTimeAsync(LOST_LOCK_POLL_MS * 3);
    expect(fake.nina.infoReads).toBe(reads);
  });
});
