import { useCallback, useMemo, useState } from 'react';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useNow } from '../../components/use-now';
import { useWakeLock } from '../../components/use-wake-lock';
import { isPresent } from '../../lib/format';
import { hemisphereOf, polarGuidance, type Hemisphere } from '../../lib/polar-guidance';
import { useEquipmentInfo } from '../../nina/api/equipment';
import type { EquipmentSnapshot } from '../../nina/schemas/equipment-snapshot';
import { currentRun, usePolarHistory, type PolarReading } from '../../store/polar-history';
import { ArrowSettings } from './ArrowSettings';
import { AtTheMount } from './AtTheMount';
import { ConvergenceChart } from './ConvergenceChart';
import { GuidancePanel } from './GuidancePanel';
import { usePolarSettings } from './polar-settings';
import { RunHistory } from './RunHistory';
import { RunPanel } from './RunPanel';
import { goalOf, silenceWarning, trendOf, withinGoal } from './run-presentation';
import { useTppa } from './use-tppa';

const noReadings: readonly PolarReading[] = [];

/** What TPPA needs before it starts; it refuses silently otherwise (its log says why). */
function readiness(snapshot: EquipmentSnapshot | undefined, manualMode: string): { blockers: string[]; warnings: string[] } {
  const blockers: string[] = [];
  const warnings: string[] = [];
  const camera = snapshot?.camera;
  const mount = snapshot?.mount;
  if (camera?.ok && !camera.info.Connected) blockers.push('Connect the camera first: TPPA cannot start without it.');
  if (mount?.ok && mount.info.Connected && mount.info.AtPark) blockers.push('Unpark the mount first: TPPA refuses to start on a parked mount.');
  if (mount?.ok && !mount.info.Connected) {
    if (manualMode === 'false') blockers.push('Connect the mount, or choose manual mode in the options: automatic mode moves the mount.');
    else if (manualMode === '') warnings.push('The mount is not connected: TPPA starts only if it is set to manual mode.');
  }
  return { blockers, warnings };
}

function requestFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  // A phone without element full screen (iPhone) still gets the full-window view.
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

function exitFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
}

export function PolarAlignmentView() {
  const { commands, state: client } = useTppa();
  const runs = usePolarHistory((s) => s.runs);
  const live = usePolarHistory((s) => s.live);
  const settings = usePolarSettings();
  const equipment = useEquipmentInfo();
  const [shownId, setShownId] = useState<number>();
  const [atTheMount, setAtTheMount] = useState(false);

  const running = currentRun({ runs, nextId: 0 });
  const shown = (shownId !== undefined ? runs.find((run) => run.id === shownId) : undefined) ?? runs.at(-1);
  const mount = equipment.data?.mount.ok ? equipment.data.mount.info : undefined;
  const latitudeDeg = mount?.Connected && isPresent(mount.SiteLatitude) ? mount.SiteLatitude : undefined;
  const hemisphere: Hemisphere | undefined =
    settings.hemisphere === 'auto' ? (latitudeDeg !== undefined ? hemisphereOf(latitudeDeg) : undefined) : settings.hemisphere;
  const last = shown?.readings.at(-1);
  const { reverseAzimuth, reverseAltitude } = settings;
  // Progress arrives several times a second; the readings, and what they show, change far less often.
  const guidance = useMemo(
    () => (last ? polarGuidance(last, hemisphere, { azimuth: reverseAzimuth, altitude: reverseAltitude }) : undefined),
    [last, hemisphere, reverseAzimuth, reverseAltitude],
  );
  const goal = useMemo(() => goalOf(shown), [shown]);
  const aligned = withinGoal(last, goal);
  const readings = shown?.readings ?? noReadings;
  const trend = useMemo(() => trendOf(readings), [readings]);
  const now = useNow(5_000, running !== undefined);
  const silence = silenceWarning(running, live, now);
  const { blockers, warnings } = readiness(equipment.data, settings.draft.manualMode);
  const filterwheel = equipment.data?.filterwheel;
  const filters = filterwheel?.ok && filterwheel.info.Connected ? filterwheel.info.AvailableFilters?.map((filter) => filter.Name) : undefined;

  // The person at the mount looks at the knobs, not the phone: it must not dim meanwhile.
  useWakeLock(running !== undefined);

  const enterAtTheMount = () => {
    requestFullscreen();
    setShownId(undefined);
    setAtTheMount(true);
  };
  const leaveAtTheMount = useCallback(() => {
    exitFullscreen();
    setAtTheMount(false);
  }, []);

  return (
    <>
      <div inert={atTheMount} className="grid grid-cols-1 items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
        <div className="lg:sticky lg:top-18 lg:col-start-2 lg:row-span-4 lg:row-start-1">
          <PanelErrorBoundary name="the polar alignment controls">
            <Panel title="Three-point polar alignment">
              <RunPanel
                run={running}
                latest={runs.at(-1)}
                live={live}
                client={client}
                commands={commands}
                aligned={running !== undefined && aligned && shown?.id === running.id}
                blockers={blockers}
                warnings={warnings}
                filters={filters}
                silence={silence}
                onAtTheMount={enterAtTheMount}
              />
            </Panel>
          </PanelErrorBoundary>
        </div>
        <div className="lg:col-start-1 lg:row-start-1">
          <PanelErrorBoundary name="the polar alignment guidance">
            <Panel
              title="Guidance"
              aside={shown && shown.id !== running?.id ? <span className="text-xs text-muted">an earlier run</span> : null}
              label="Polar alignment guidance"
            >
              <GuidancePanel run={shown} guidance={guidance} hemisphere={hemisphere} goal={goal} trend={trend} aligned={aligned} />
            </Panel>
          </PanelErrorBoundary>
        </div>
        <div className="lg:col-start-1">
          <PanelErrorBoundary name="the convergence chart">
            <Panel title="Convergence">
              <ConvergenceChart readings={readings} goalArcmin={goal.arcmin} />
            </Panel>
          </PanelErrorBoundary>
        </div>
        <div className="lg:col-start-1">
          <PanelErrorBoundary name="the arrow settings">
            <Panel title="Arrows">
              <ArrowSettings hemisphere={hemisphere} latitudeDeg={latitudeDeg} />
            </Panel>
          </PanelErrorBoundary>
        </div>
        {runs.length > 0 ? (
          <div className="lg:col-start-1">
            <PanelErrorBoundary name="the earlier runs">
              <Panel title="Runs">
                <RunHistory runs={runs} shownId={shown?.id} onShow={(id) => setShownId(id === runs.at(-1)?.id ? undefined : id)} />
              </Panel>
            </PanelErrorBoundary>
          </div>
        ) : null}
      </div>
      {atTheMount ? (
        <PanelErrorBoundary name="the at-the-mount view">
          <AtTheMount
            run={shown}
            live={live}
            client={client}
            guidance={guidance}
            goal={goal}
            trend={trend}
            aligned={aligned}
            silence={silence}
            commands={commands}
            onLeave={leaveAtTheMount}
          />
        </PanelErrorBoundary>
      ) : null}
    </>
  );
}
