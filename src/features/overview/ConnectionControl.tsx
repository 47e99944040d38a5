import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useDeviceConnection, useDeviceList } from '../../nina/api/equipment';
import { devices, type DeviceKind } from '../../nina/schemas/equipment';

/**
 * Connect / disconnect one device. NINA awaits the driver (notes §3.9), so the button stays busy
 * until it answers, then shows NINA's own error text if it failed.
 */
export function ConnectionControl({ kind, connected }: { kind: DeviceKind; connected: boolean }) {
  const connection = useDeviceConnection(kind);
  const [choosing, setChoosing] = useState(false);
  const [deviceId, setDeviceId] = useState<string>('');
  const list = useDeviceList(kind, choosing && !connected);
  const selectId = useId();
  const label = devices[kind].label;

  const run = (action: 'connect' | 'disconnect') =>
    connection.mutate({ action, deviceId: action === 'connect' && deviceId ? deviceId : undefined });

  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {connected ? (
          <Button variant="ghost" className="text-muted" pending={connection.isPending} onClick={() => run('disconnect')} aria-label={`Disconnect the ${label.toLowerCase()}`}>
            Disconnect
          </Button>
        ) : (
          <>
            <Button variant="primary" pending={connection.isPending} onClick={() => run('connect')} aria-label={`Connect the ${label.toLowerCase()}`}>
              Connect
            </Button>
            {!choosing ? (
              <Button variant="ghost" onClick={() => setChoosing(true)}>
                Choose device…
              </Button>
            ) : null}
          </>
        )}
        {connection.isPending ? <span className="text-xs text-muted">Waiting for NINA…</span> : null}
      </div>
      {choosing && !connected ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-xs text-muted">
            Device to connect
          </label>
          <select
            id={selectId}
            value={deviceId}
            onChange={(event) => setDeviceId(event.target.value)}
            className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm"
          >
            <option value="">The one selected in NINA</option>
            {list.data?.map((device) => (
              <option key={device.Id} value={device.Id}>
                {device.DisplayName ?? device.Name ?? device.Id}
              </option>
            ))}
          </select>
          {list.isPending ? <span className="text-xs text-muted">Asking NINA for its devices…</span> : null}
          {list.isError ? <ErrorNotice error={list.error} compact /> : null}
        </div>
      ) : null}
      {connection.isError ? <ErrorNotice error={connection.error} compact /> : null}
    </div>
  );
}
