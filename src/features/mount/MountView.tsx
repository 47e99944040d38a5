import { Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { StatusPill } from '../../components/StatusPill';
import { useMountInfo } from '../../nina/api/mount';
import { JogPad } from './JogPad';
import { MountActions } from './MountActions';
import { MountStatus } from './MountStatus';
import { SlewForm } from './SlewForm';
import { useMountJog } from './use-mount-jog';

export function MountView() {
  const info = useMountInfo();
  const { controls, state } = useMountJog();
  const mount = info.data;
  const slewBlocked = !mount?.Connected ? 'Mount not connected' : mount.AtPark ? 'The mount is parked: unpark it to slew' : undefined;

  const position = (
    <PanelErrorBoundary name="the mount status">
      <Panel
        title="Position"
        aside={mount ? <StatusPill tone={mount.Connected ? 'ok' : 'idle'}>{mount.Connected ? 'Connected' : 'Disconnected'}</StatusPill> : null}
      >
        {info.isPending ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Reading the mount…
          </p>
        ) : mount ? (
          <>
            <MountStatus mount={mount} />
            {info.isError ? <p className="mt-2 text-xs text-warn">Last refresh failed: {info.error.message}</p> : null}
          </>
        ) : (
          <ErrorNotice error={info.error} />
        )}
      </Panel>
    </PanelErrorBoundary>
  );

  // Phone: position, then the pad under the thumb, then the rest. Desktop: the pad in its own column.
  return (
    <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <div className="lg:col-start-1">{position}</div>
      <div className="lg:sticky lg:top-18 lg:col-start-2 lg:row-span-3 lg:row-start-1">
        <PanelErrorBoundary name="the jog pad">
          <Panel title="Jog">
            <JogPad controls={controls} state={state} mount={mount} />
          </Panel>
        </PanelErrorBoundary>
      </div>
      <div className="lg:col-start-1">
        <PanelErrorBoundary name="the slew form">
          <Panel title="Go to">
            <SlewForm mount={mount} disabledReason={slewBlocked} />
          </Panel>
        </PanelErrorBoundary>
      </div>
      {mount ? (
        <div className="lg:col-start-1">
          <PanelErrorBoundary name="the mount commands">
            <Panel title="Mount">
              <MountActions mount={mount} />
            </Panel>
          </PanelErrorBoundary>
        </div>
      ) : null}
    </div>
  );
}
