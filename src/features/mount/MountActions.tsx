import { useId } from 'react';
import { CommandFeedback } from '../../components/CommandFeedback';
import { trackingModeNumbers, useMountCommand } from '../../nina/api/mount';
import type { MountInfo } from '../../nina/schemas/equipment';
import { CommandButton } from './CommandButton';

/** Park, unpark, home, flip, plate-solve sync and tracking: each shows NINA's answer under it. */
export function MountActions({ mount }: { mount: MountInfo }) {
  const tracking = useMountCommand();
  const selectId = useId();
  const connected = mount.Connected;
  // Only the modes this mount lists and NINA can set (Custom cannot be set; notes §4).
  const modes = (mount.TrackingModes ?? []).filter((mode) => mode in trackingModeNumbers);
  const current = mount.TrackingEnabled === false ? 'Stopped' : mount.TrackingMode;

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {mount.AtPark ? (
          <CommandButton command={{ kind: 'unpark' }} disabled={!connected} variant="primary">
            Unpark
          </CommandButton>
        ) : (
          <CommandButton command={{ kind: 'park' }} disabled={!connected || mount.CanPark === false}>
            Park
          </CommandButton>
        )}
        <CommandButton command={{ kind: 'home' }} disabled={!connected || mount.AtPark || mount.CanFindHome === false}>
          Home
        </CommandButton>
        <CommandButton
          command={{ kind: 'flip' }}
          disabled={!connected || mount.AtPark}
          confirm={{ title: 'Flip the mount now?', text: 'The mount will slew to the other side of the pier and back onto the same target.', label: 'Flip' }}
        >
          Meridian flip
        </CommandButton>
        <CommandButton
          command={{ kind: 'sync' }}
          disabled={!connected || mount.AtPark}
          confirm={{ title: 'Plate-solve and sync?', text: 'NINA takes an exposure, plate-solves it and syncs the mount to the result. This can take a minute.', label: 'Solve and sync' }}
        >
          Solve and sync
        </CommandButton>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-xs text-muted">
          Tracking
        </label>
        <select
          id={selectId}
          value={current ?? ''}
          disabled={!connected || mount.AtPark || modes.length === 0 || tracking.isPending}
          onChange={(event) => tracking.mutate({ kind: 'tracking', mode: event.target.value })}
          className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm sm:w-60"
        >
          {current && !modes.includes(current) ? <option value={current}>{current}</option> : null}
          {modes.map((mode) => (
            <option key={mode} value={mode}>
              {mode === 'Stopped' ? 'Off' : mode}
            </option>
          ))}
        </select>
        <CommandFeedback status={tracking} />
      </div>
    </div>
  );
}
