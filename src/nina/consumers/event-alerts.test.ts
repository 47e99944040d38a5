import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { useActivityStore } from '../../store/activity';
import { useAlertsStore } from '../../store/alerts';
import type { NinaHttp } from '../http';
import { parseSocketFrame, type NinaEvent } from '../schemas/events';
import { DISCONNECT_GRACE_MS, eventAlerts } from './event-alerts';

const context = { http: {} as NinaHttp, queryClient: new QueryClient() };
function event(response: Record<string, unknown>): NinaEvent {
  const frame = parseSocketFrame(JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' }));
  if (frame.kind !== 'event') throw new Error('not an event');
  return frame.event;
}
const titles = () => useAlertsStore.getState().alerts.map((alert) => `${alert.severity}:${alert.title}`);

describe('eventAlerts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAlertsStore.getState().clear();
    useActivityStore.setState({ expectedDisconnects: {} });
  });
  afterEach(() => vi.useRealTimers());

  it('raises errors for failed autofocus, plate solves and sequence items, and unsafe conditions', () => {
    eventAlerts(
      [
        event({ Event: 'ERROR-AF' }),
        event({ Event: 'ERROR-PLATESOLVE' }),
        event({ Event: 'SEQUENCE-ENTITY-FAILED', Entity: 'Center', Error: 'Plate solve failed' }),
        event({ Event: 'SAFETY-CHANGED', IsSafe: false }),
        event({ Event: 'CAMERA-DOWNLOAD-TIMEOUT' }),
      ],
      context,
    );
    expect(titles()).toEqual([
      'error:Autofocus failed',
      'error:Plate solve failed',
      'error:Center failed',
      'error:Conditions are unsafe',
      'warning:Camera download timed out',
    ]);
    expect(useAlertsStore.getState().alerts[2]!.detail).toBe('Plate solve failed');
  });

  it('does not report the DISCONNECTED that NINA sends right before every CONNECTED', () => {
    eventAlerts([event({ Event: 'MOUNT-DISCONNECTED' })], context);
    eventAlerts([event({ Event: 'MOUNT-CONNECTED' })], context);
    vi.advanceTimersByTime(DISCONNECT_GRACE_MS * 2);
    expect(titles()).toEqual([]);
  });

  it('reports a device that stays disconnected', () => {
    eventAlerts([event({ Event: 'FOCUSER-DISCONNECTED' })], context);
    vi.advanceTimersByTime(DISCONNECT_GRACE_MS);
    expect(titles()).toEqual(['warning:Focuser disconnected']);
  });

  it('stays quiet about a disconnect the user asked for in Skydeck', () => {
    useActivityStore.getState().expectDisconnect('camera', true);
    eventAlerts([event({ Event: 'CAMERA-DISCONNECTED' })], context);
    vi.advanceTimersByTime(DISCONNECT_GRACE_MS);
    expect(titles()).toEqual([]);
  });
});
