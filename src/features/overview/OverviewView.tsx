import { Spinner } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useEquipmentInfo } from '../../nina/api/equipment';
import { deviceKinds, devices } from '../../nina/schemas/equipment';
import { DeviceCard } from './DeviceCard';
import { GuidingWidget } from './GuidingWidget';

/** Imaging train first, then the observatory around it. */
const order = ['camera', 'mount', 'guider', 'focuser', 'filterwheel', 'rotator', 'weather', 'safetymonitor', 'dome', 'flatdevice', 'switch'] as const;

export function OverviewView() {
  const equipment = useEquipmentInfo();

  if (equipment.isPending) {
    return (
      <p role="status" className="flex items-center gap-3 text-muted">
        <Spinner /> Reading the equipment from NINA…
      </p>
    );
  }
  if (equipment.isError && !equipment.data) return <ErrorNotice error={equipment.error} />;

  const snapshot = equipment.data;
  const connectedCount = deviceKinds.filter((kind) => snapshot[kind].ok && snapshot[kind].info.Connected).length;

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        {connectedCount} of {deviceKinds.length} devices connected
        {equipment.isError ? <span className="ml-2 text-warn">· last refresh failed: {equipment.error.message}</span> : null}
      </p>
      <PanelErrorBoundary name="the guiding widget">
        <GuidingWidget snapshot={snapshot.guider} />
      </PanelErrorBoundary>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4">
        {order.map((kind) => (
          <PanelErrorBoundary key={kind} name={`the ${devices[kind].label.toLowerCase()} card`}>
            <DeviceCard snapshot={snapshot[kind]} />
          </PanelErrorBoundary>
        ))}
      </div>
    </div>
  );
}
