import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Guider } from './guider';
import { NinaLog } from './nina-log';
import { SimClock } from './sim-clock';

describe('Guider (PHD2 behind NINA\'s GuiderVM)', () => {
  let clock: SimClock;
  let guider: Guider;
  const events: string[] = [];

  beforeEach(async () => {
    clock = new SimClock(400);
    guider = new Guider({ clock, log: new NinaLog(clock), seed: 5 });
    events.length = 0;
    guider.guidingStarted.subscribe(() => events.push('start'));
    guider.guidingStopped.subscribe(() => events.push('stop'));
    guider.afterDither.subscribe(() => events.push('dither'));
    await guider.connect({ immediate: true });
    guider.calibrated = true;
  });
  afterEach(() => clock.dispose());

  it('does nothing while disconnected: no start, no stop, no dither marker', async () => {
    await guider.disconnect();
    expect(await guider.startGuiding(false)).toBe(false);
    expect(await guider.stopGuiding()).toBe(false);
    expect(await guider.dither()).toBe(false);
    expect(guider.history.guideSteps).toEqual([]);
    expect(events).toEqual([]);
  });

  it('settles a dither before raising AfterDither, and resolves true', async () => {
    expect(await guider.startGuiding(false)).toBe(true);
    const stepsBefore = guider.history.guideSteps.length;
    expect(await guider.dither({ pixels: 3, settleTimeS: 4 })).toBe(true);
    expect(guider.settling).toBe(false);
    expect(guider.history.guideSteps.slice(stepsBefore).map((step) => step.dither)).toEqual([0.01]);
    expect(events).toEqual(['start', 'dither']);
  });

  it('records an RMS of the steps between start and stop of a recording, as NINA does per exposure', async () => {
    await guider.startGuiding(false);
    const handle = guider.startRmsRecording();
    const firstId = (guider.history.guideSteps.at(-1)?.id ?? 0) + 1;
    await clock.sleep(20_000);
    const recording = guider.stopRmsRecording(handle);
    const recorded = guider.history.guideSteps.filter((step) => step.id >= firstId);
    expect(recording?.dataPoints).toBe(recorded.length);
    expect(recording?.peakRaPx).toBe(Math.max(...recorded.map((step) => Math.abs(step.raDistanceRawPx))));
    expect(recording?.scale).toBe(3.87);
    expect(guider.stopRmsRecording(handle)).toBeNull();
  });

  it('rejects a cancelled start while PHD2 still calibrates', async () => {
    guider.calibrated = false;
    const cancel = new AbortController();
    const start = guider.startGuiding(false, cancel.signal);
    await clock.sleep(10_000);
    expect(guider.state).toBe('Calibrating');
    cancel.abort(new Error('cancelled'));
    await expect(start).rejects.toThrow('cancelled');
    expect(events).toEqual([]);
  });

  it('gives up a pending start when guiding is stopped during calibration, after NINA\'s start timeout', async () => {
    guider.calibrated = false;
    const start = guider.startGuiding(false);
    await clock.sleep(10_000);
    expect(await guider.stopGuiding()).toBe(true);
    const startedAtMs = clock.nowMs();
    expect(await start).toBe(false);
    expect(clock.nowMs() - startedAtMs).toBeGreaterThanOrEqual(299_000);
    expect(events).toEqual(['stop']);
  });
});
