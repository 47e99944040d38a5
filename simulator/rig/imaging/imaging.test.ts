import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SITE, Rig } from '../rig';
import { SimClock } from '../sim-clock';

describe('rig.imaging, as the sequence runner calls it', () => {
  let clock: SimClock;
  afterEach(() => clock.dispose());

  const startRig = async (): Promise<Rig> => {
    clock = new SimClock(1000);
    const rig = new Rig(clock, DEFAULT_SITE, 3);
    await rig.connectAllAtStartup();
    return rig;
  };

  it('takes an exposure through the asked filter, hands it to the save queue and names the file by the pattern', async () => {
    const rig = await startRig();
    const green = rig.filterWheel.filters[2] ?? null;
    const { frame, saved } = await rig.imaging.takeExposure({
      durationS: 30,
      gain: 0,
      offset: 30,
      binning: { x: 2, y: 2 },
      imageType: 'LIGHT',
      targetName: 'M 42',
      filter: green,
      frameNumber: 3,
      save: true,
    });
    expect(rig.filterWheel.selectedFilter?.name).toBe('G');
    expect(frame.meta).toMatchObject({ filterName: 'G', targetName: 'M 42', imageType: 'LIGHT', frameNumber: 3 });
    expect(frame.exposure).toMatchObject({ durationS: 30, gain: 0, offset: 30, binX: 2, binY: 2 });
    const image = await saved;
    expect(image?.fileName).toMatch(/^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}_G_-?\d+\.\d{2}_30\.00s_0003\.fits$/);
    expect(rig.imaging.saved).toEqual([image]);
    expect(image?.statistics.median).toBeGreaterThan(300);
  });

  it('runs autofocus to wherever the focus model puts best focus, for the current filter', async () => {
    const rig = await startRig();
    rig.imaging.focusModel.bestFocusOffsetSteps = 140;
    const report = await rig.imaging.autofocus.run();
    const best = rig.imaging.focusModel.bestFocusSteps(rig.environment.temperatureC(), 'L');
    expect(report).not.toBeNull();
    expect(Math.abs((report?.calculatedFocusPoint.position ?? 0) - best)).toBeLessThan(25);
    expect(rig.focuser.positionSteps).toBe(report?.calculatedFocusPoint.position);
    expect(report?.measurePoints.length).toBeGreaterThanOrEqual(9);
  });
});
