import { Stat, StatGrid } from '../../components/Stat';
import { StatusPill } from '../../components/StatusPill';
import { devices, type DeviceKind } from '../../nina/schemas/equipment';
import type { DeviceSnapshot } from '../../nina/schemas/equipment-snapshot';
import { ConnectionControl } from './ConnectionControl';
import { deviceActivity, deviceFigures } from './device-figures';

export function DeviceCard<K extends DeviceKind>({ snapshot }: { snapshot: DeviceSnapshot<K> }) {
  const { kind } = snapshot;
  const label = devices[kind].label;

  if (!snapshot.ok) {
    return (
      <section aria-label={label} data-device={kind} className="rounded-xl border border-bad/40 bg-surface p-4">
        <header className="flex items-center justify-between gap-2">
          <h2 className="font-semibold">{label}</h2>
          <StatusPill tone="bad">Unreadable</StatusPill>
        </header>
        <p className="mt-2 text-sm text-muted">NINA sent this device’s state in a form Skydeck does not understand:</p>
        <p className="mt-1 break-words font-mono text-xs text-bad">{snapshot.problem}</p>
      </section>
    );
  }

  const { info } = snapshot;
  const connected = info.Connected;
  const name = info.DisplayName ?? info.Name;
  const activity = connected ? deviceActivity(kind, info) : undefined;
  const figures = connected ? deviceFigures(kind, info) : [];

  return (
    <section aria-label={label} data-device={kind} data-connected={connected} className="flex flex-col rounded-xl border border-border bg-surface p-4">
      <header className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="font-semibold">{label}</h2>
          <p className="truncate text-xs text-muted" title={name}>
            {name ?? 'No device selected'}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <StatusPill tone={connected ? 'ok' : 'idle'}>{connected ? 'Connected' : 'Disconnected'}</StatusPill>
          {activity ? <StatusPill tone={activity.tone}>{activity.text}</StatusPill> : null}
        </div>
      </header>
      {connected ? (
        <div className="mt-3">
          <StatGrid>
            {figures.map((figure) => (
              <Stat key={figure.label} label={figure.label} value={figure.value} unit={figure.unit} />
            ))}
          </StatGrid>
        </div>
      ) : (
        <p className="mt-3 text-sm text-muted">Not connected in NINA.</p>
      )}
      <div className="mt-auto">
        <ConnectionControl kind={kind} connected={connected} />
      </div>
    </section>
  );
}
