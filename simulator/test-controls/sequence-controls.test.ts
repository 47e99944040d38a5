import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../index';
import { api, control, startTestSimulator } from '../testing';

describe('sequence test controls (/__sim/sequence)', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  it('reports the sequencer: initialized, idle, the loaded tree with statuses', async () => {
    await api(simulator, '/sequence/load?sequenceName=sub/Test%20short');
    const state = (await control(simulator, 'GET', 'sequence')) as Record<string, unknown>;
    expect(state).toMatchObject({ initialized: true, running: false, title: 'Test short', runningItems: [], waitScale: 1, injectedFailures: [] });
    expect(state.root).toMatchObject({
      name: 'Test short',
      type: 'SequenceRootContainer',
      status: 'CREATED',
      items: [
        { name: 'Start', items: [] },
        { name: 'Targets', items: [{ name: 'Test field', type: 'DeepSkyObjectContainer', items: [{ name: 'Switch Filter' }, { name: 'Take Many Exposures' }] }] },
        { name: 'End' },
      ],
      triggers: [{ name: 'Send Error to WebSocket', status: 'CREATED' }],
    });
  });

  it('plans failures, scales waits and (un)initializes; forgets failures on request', async () => {
    const reply = (await control(simulator, 'POST', 'sequence', {
      failItem: { match: 'RunAutofocus', times: 2 },
      waitScale: 0.01,
      initialized: false,
    })) as { state: Record<string, unknown> };
    expect(reply.state).toMatchObject({
      initialized: false,
      waitScale: 0.01,
      injectedFailures: [{ match: 'RunAutofocus', message: 'Simulated failure', remaining: 2 }],
    });
    const cleared = (await control(simulator, 'POST', 'sequence', { clearFailures: true, initialized: true, waitScale: 1 })) as { state: Record<string, unknown> };
    expect(cleared.state).toMatchObject({ initialized: true, injectedFailures: [], waitScale: 1 });
  });

  it('rejects unknown fields and bad values', async () => {
    await expect(control(simulator, 'POST', 'sequence', { speed: 2 })).rejects.toThrow(/HTTP 400/);
    await expect(control(simulator, 'POST', 'sequence', { waitScale: -1 })).rejects.toThrow(/HTTP 400/);
    await expect(control(simulator, 'POST', 'sequence', { failItem: { match: '' } })).rejects.toThrow(/HTTP 400/);
  });
});
