import { beforeEach, describe, expect, it } from 'vitest';
import { ALERT_HISTORY_LIMIT, useAlertsStore } from './alerts';

describe('alerts store', () => {
  beforeEach(() => useAlertsStore.getState().clear());

  it('keeps alerts in order, each with an id and a time', () => {
    useAlertsStore.getState().push({ severity: 'error', title: 'Autofocus failed', source: 'ERROR-AF' });
    useAlertsStore.getState().push({ severity: 'warning', title: 'Guiding stopped', source: 'guiding' });
    const { alerts } = useAlertsStore.getState();
    expect(alerts.map((alert) => alert.title)).toEqual(['Autofocus failed', 'Guiding stopped']);
    expect(alerts[1]!.id).toBeGreaterThan(alerts[0]!.id);
    expect(alerts[0]!.atMs).toBeGreaterThan(0);
  });

  it('dismisses one or all without forgetting them', () => {
    const first = useAlertsStore.getState().push({ severity: 'error', title: 'A', source: 'x' });
    useAlertsStore.getState().push({ severity: 'error', title: 'B', source: 'x' });
    useAlertsStore.getState().dismiss(first.id);
    expect(useAlertsStore.getState().alerts.map((alert) => alert.dismissed)).toEqual([true, false]);
    useAlertsStore.getState().dismissAll();
    expect(useAlertsStore.getState().alerts.every((alert) => alert.dismissed)).toBe(true);
  });

  it('keeps a bounded history', () => {
    for (let i = 0; i < ALERT_HISTORY_LIMIT + 20; i += 1) useAlertsStore.getState().push({ severity: 'info', title: `#${i}`, source: 'x' });
    const { alerts } = useAlertsStore.getState();
    expect(alerts).toHaveLength(ALERT_HISTORY_LIMIT);
    expect(alerts[0]!.title).toBe('#20');
  });

  it('counts a repeat of an alert still showing instead of adding another', () => {
    const { push } = useAlertsStore.getState();
    push({ severity: 'error', title: 'Plate solve failed', detail: 'No stars', source: 'ERROR-PLATESOLVE', atMs: 1_000 });
    push({ severity: 'error', title: 'Autofocus failed', source: 'ERROR-AF', atMs: 2_000 });
    push({ severity: 'error', title: 'Plate solve failed', detail: 'No stars', source: 'ERROR-PLATESOLVE', atMs: 3_000 });
    let { alerts } = useAlertsStore.getState();
    expect(alerts.map((alert) => [alert.title, alert.repeats, alert.atMs])).toEqual([
      ['Autofocus failed', 1, 2_000],
      ['Plate solve failed', 2, 3_000],
    ]);
    // Once dismissed, the next one is news again.
    useAlertsStore.getState().dismiss(alerts[1]!.id);
    push({ severity: 'error', title: 'Plate solve failed', detail: 'No stars', source: 'ERROR-PLATESOLVE', atMs: 4_000 });
    ({ alerts } = useAlertsStore.getState());
    expect(alerts.map((alert) => [alert.title, alert.repeats, alert.dismissed])).toEqual([
      ['Autofocus failed', 1, false],
      ['Plate solve failed', 2, true],
      ['Plate solve failed', 1, false],
    ]);
  });
});
