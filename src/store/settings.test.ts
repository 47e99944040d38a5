import { beforeEach, describe, expect, it } from 'vitest';
import { activeRig, DEFAULT_RIG, useSettingsStore } from './settings';

describe('settings store: rigs', () => {
  beforeEach(() => useSettingsStore.setState({ rigs: [DEFAULT_RIG], activeRigId: DEFAULT_RIG.id }));

  it('adds a rig and makes it active', () => {
    const id = useSettingsStore.getState().addRig({ name: 'Backyard', address: { mode: 'direct', protocol: 'http', host: '192.168.1.20', port: 1888 } });
    const state = useSettingsStore.getState();
    expect(state.rigs).toHaveLength(2);
    expect(activeRig(state)).toMatchObject({ id, name: 'Backyard' });
  });

  it('refuses an invalid rig', () => {
    expect(() => useSettingsStore.getState().addRig({ name: ' ', address: DEFAULT_RIG.address })).toThrow();
  });

  it('never removes the last rig, and moves to another when the active one goes', () => {
    useSettingsStore.getState().removeRig(DEFAULT_RIG.id);
    expect(useSettingsStore.getState().rigs).toHaveLength(1);
    const id = useSettingsStore.getState().addRig({ name: 'Remote', address: DEFAULT_RIG.address });
    useSettingsStore.getState().removeRig(id);
    expect(activeRig(useSettingsStore.getState()).id).toBe(DEFAULT_RIG.id);
  });

  it('migrates a version 1 address into the default rig', () => {
    const migrate = useSettingsStore.persist.getOptions().migrate!;
    const migrated = migrate({ ninaAddress: { mode: 'direct', protocol: 'https', host: 'nina.local', port: 1889 } }, 1) as {
      rigs: { address: unknown }[];
    };
    expect(migrated.rigs[0]!.address).toEqual({ mode: 'direct', protocol: 'https', host: 'nina.local', port: 1889 });
  });
});
