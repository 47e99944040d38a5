import { useId } from 'react';
import { useSettingsStore } from '../../store/settings';

/** Shown only when more than one rig is saved: switching is one choice away from any view. */
export function RigSwitcher() {
  const rigs = useSettingsStore((state) => state.rigs);
  const activeRigId = useSettingsStore((state) => state.activeRigId);
  const selectRig = useSettingsStore((state) => state.selectRig);
  const id = useId();
  if (rigs.length < 2) return null;
  return (
    <div className="flex flex-col gap-1 px-3 pb-3">
      <label htmlFor={id} className="text-xs text-muted">
        Rig
      </label>
      <select id={id} value={activeRigId} onChange={(event) => selectRig(event.target.value)} className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm">
        {rigs.map((rig) => (
          <option key={rig.id} value={rig.id}>
            {rig.name}
          </option>
        ))}
      </select>
    </div>
  );
}
