import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../index';
import { api, control, startTestSimulator } from '../testing';

describe('mount test controls (/__sim/mount/)', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  const mountInfo = async () =>
    (await api<{ SiteLatitude: number; SiteLongitude: number; Declination: number; RightAscension: number; TrackingModes: string[]; CanSetPark: boolean }>(
      simulator,
      '/equipment/mount/info',
    )).Response;

  it('moves the mount to another site, keeping its RA/Dec, for southern-hemisphere tests', async () => {
    const before = await mountInfo();
    const reply = (await control(simulator, 'POST', 'mount/site', { latitudeDeg: -31.27, longitudeDeg: 149.06 })) as { state: { site: unknown } };
    expect(reply.state.site).toEqual({ latitudeDeg: -31.27, longitudeDeg: 149.06, elevationM: 2326 });
    const after = await mountInfo();
    expect(after).toMatchObject({ SiteLatitude: -31.27, SiteLongitude: 149.06 });
    expect(after.Declination).toBeCloseTo(before.Declination, 9);
    expect(after.RightAscension).toBeCloseTo(before.RightAscension, 9);
    await control(simulator, 'POST', 'mount/site', { latitudeDeg: 28.7606, longitudeDeg: -17.8816 });
  });

  it('sets what the driver can do', async () => {
    await control(simulator, 'POST', 'mount/capabilities', { canSetPark: false, trackingModes: ['Stopped', 'Sidereal'] });
    expect(await mountInfo()).toMatchObject({ CanSetPark: false, TrackingModes: ['Sidereal', 'Stopped'] });
    await control(simulator, 'POST', 'mount/capabilities', { canSetPark: true, trackingModes: ['Sidereal', 'Lunar', 'Solar', 'King', 'Custom', 'Stopped'] });
  });

  it('rejects unknown fields and values with HTTP 400', async () => {
    await expect(control(simulator, 'POST', 'mount/faults', { slews: 'sometimes' })).rejects.toThrow('HTTP 400');
    await expect(control(simulator, 'POST', 'mount/capabilities', { trackingModes: ['Siderial'] })).rejects.toThrow('HTTP 400');
    await expect(control(simulator, 'POST', 'mount/site', { latitudeDeg: 95 })).rejects.toThrow('HTTP 400');
    await expect(control(simulator, 'POST', 'mount/sequencer-center', { raDeg: 10 })).rejects.toThrow('HTTP 400');
    await expect(control(simulator, 'POST', 'mount/meridian-flip', { now: true })).rejects.toThrow('HTTP 400');
  });

  it('reports the faults it set in the mount state', async () => {
    const reply = (await control(simulator, 'POST', 'mount/faults', { slews: 'refuse', plateSolves: 'fail' })) as { state: Record<string, unknown> };
    expect(reply.state).toMatchObject({ slewFault: 'refuse', plateSolveFails: true });
    await control(simulator, 'POST', 'mount/faults', { slews: 'none', plateSolves: 'succeed' });
  });
});
