import { useMemo } from 'react';
import { Link } from 'wouter';
import { Spinner } from '../../components/Button';
import { chartColors } from '../../components/chart/chart-colors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { Stat, StatGrid } from '../../components/Stat';
import { StatusPill } from '../../components/StatusPill';
import { useInView } from '../../components/use-in-view';
import { DASH, formatNumber } from '../../lib/format';
import { guideRms } from '../../lib/guide-stats';
import { latestSteps } from '../../nina/api/guide-history';
import { useGuideHistory, useGuiderInfo } from '../../nina/api/guider';
import type { GuiderInfo } from '../../nina/schemas/equipment';
import { useAlertPreferences } from '../../store/alerts';
import { useGuideGraphSettings, type GuideUnit } from '../../store/guide-graph-settings';
import { GraphControls } from './GraphControls';
import { GuideGraph } from './GuideGraph';
import { GuiderCommands } from './GuiderCommands';
import { describeGuiderState } from './guider-state';
import { formatGuideValue, unitFactor, validPixelScale } from './graph-data';
import { RmsSummary } from './RmsSummary';
import { RmsTrendChart } from './RmsTrendChart';

function Legend({ showCorrections }: { showCorrections: boolean }) {
  const swatch = (colour: string, dashed = false) => (
    <span aria-hidden className={`inline-block w-4 ${dashed ? 'border-t-2 border-dashed' : 'h-0.5 rounded'}`} style={dashed ? { borderColor: colour } : { background: colour }} />
  );
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
      <span className="flex items-center gap-1.5">{swatch(chartColors.ra)}RA</span>
      <span className="flex items-center gap-1.5">{swatch(chartColors.dec)}Dec</span>
      <span className="flex items-center gap-1.5">{swatch(chartColors.warn, true)}Dither</span>
      {showCorrections ? <span>Bars: corrections (ms, right axis)</span> : null}
    </p>
  );
}

function GuiderFacts({ info, unit, arcsecPerPx }: { info: GuiderInfo; unit: GuideUnit; arcsecPerPx: number | undefined }) {
  const step = info.LastGuideStep;
  const factor = unitFactor(unit, arcsecPerPx);
  return (
    <StatGrid>
      <Stat label="Device" value={info.DisplayName ?? info.Name ?? DASH} />
      <Stat label="Pixel scale" value={validPixelScale(info.PixelScale) ? `${formatNumber(info.PixelScale, 2)}″/px` : DASH} />
      <Stat label="Last step RA" value={step ? formatGuideValue(step.RADistanceRaw * factor, unit) : DASH} />
      <Stat label="Last step Dec" value={step ? formatGuideValue(step.DECDistanceRaw * factor, unit) : DASH} />
    </StatGrid>
  );
}

export function GuidingView() {
  const info = useGuiderInfo();
  const guider = info.data;
  const guiding = guider?.Connected === true && guider.State === 'Guiding';
  const [graphRef, graphOnScreen] = useInView<HTMLDivElement>();
  const history = useGuideHistory({ poll: guiding && graphOnScreen });
  const settings = useGuideGraphSettings();
  const sound = useAlertPreferences((s) => s.sound);
  const notifications = useAlertPreferences((s) => s.notifications);

  const data = history.data;
  const arcsecPerPx = data?.pixelScaleArcsecPerPx ?? guider?.PixelScale;
  const pixelScaleKnown = validPixelScale(arcsecPerPx);
  const unit: GuideUnit = pixelScaleKnown ? settings.unit : 'px';
  const steps = useMemo(() => latestSteps(data, settings.historyLength), [data, settings.historyLength]);
  const rms = useMemo(() => guideRms(steps.filter((step) => !step.dither)), [steps]);
  const state = describeGuiderState(guider);

  const statusPanel = (
    <PanelErrorBoundary name="the guider status">
      <Panel title="Guider" aside={guider ? <StatusPill tone={state.tone} pulse={state.pulse}>{state.label}</StatusPill> : null}>
        {info.isPending ? (
          <p className="flex items-center gap-2 text-muted">
            <Spinner /> Reading the guider…
          </p>
        ) : guider ? (
          <div className="space-y-4">
            {guider.Connected ? (
              <GuiderFacts info={guider} unit={unit} arcsecPerPx={arcsecPerPx} />
            ) : (
              <p className="text-sm text-muted">
                The guider is not connected in NINA. Connect it on the{' '}
                <Link href="/" className="text-accent underline">
                  Overview
                </Link>
                .
              </p>
            )}
            {info.isError ? <p className="text-xs text-warn">Last refresh failed: {info.error.message}</p> : null}
            <GuiderCommands info={guider} />
          </div>
        ) : (
          <ErrorNotice error={info.error} />
        )}
      </Panel>
    </PanelErrorBoundary>
  );

  const graphPanel = (
    <PanelErrorBoundary name="the guide graph">
      <Panel title="Guide graph" aside={<Legend showCorrections={settings.showCorrections} />}>
        <div ref={graphRef} className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_12rem]">
          <div className="min-w-0">
            {history.isPending ? (
              <p className="flex h-64 items-center justify-center gap-2 text-muted">
                <Spinner /> Reading NINA’s guide graph…
              </p>
            ) : !data ? (
              <ErrorNotice error={history.error} />
            ) : steps.length === 0 ? (
              <div className="flex h-64 flex-col items-center justify-center rounded-lg border border-dashed border-border px-4 text-center text-sm text-muted">
                <p>No guide steps yet.</p>
                <p className="mt-1">{guiding ? 'The first steps appear within a few seconds.' : 'Start guiding and the graph fills as PHD2 guides.'}</p>
              </div>
            ) : (
              <GuideGraph steps={steps} unit={unit} arcsecPerPx={arcsecPerPx} yScale={settings.yScale} showCorrections={settings.showCorrections} />
            )}
            {history.isError && data ? <p className="mt-2 text-xs text-warn">Last refresh failed: {history.error.message}</p> : null}
          </div>
          <RmsSummary rms={rms} unit={unit} arcsecPerPx={arcsecPerPx} />
        </div>
        <div className="mt-4 border-t border-border pt-4">
          <GraphControls unit={unit} pixelScaleKnown={pixelScaleKnown} />
          {!pixelScaleKnown && data ? <p className="mt-2 text-xs text-muted">NINA reports no pixel scale for the guider, so the graph is in pixels.</p> : null}
        </div>
      </Panel>
    </PanelErrorBoundary>
  );

  return (
    <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
      <div className="lg:col-start-2 lg:row-start-1">{statusPanel}</div>
      <div className="lg:col-start-1 lg:row-span-2 lg:row-start-1">{graphPanel}</div>
      <div className="lg:col-start-1">
        <PanelErrorBoundary name="the RMS trend">
          <Panel title="RMS over the night">
            <RmsTrendChart unit={unit} />
          </Panel>
        </PanelErrorBoundary>
      </div>
      <div className="lg:col-start-2 lg:row-start-2">
        <PanelErrorBoundary name="the alert settings">
          <Panel title="Alerts">
            <p className="text-sm text-muted">
              If guiding stops or PHD2 loses the star while a sequence runs, Skydeck raises an alert
              {sound || notifications ? ` with ${[sound ? 'a sound' : '', notifications ? 'a system notification' : ''].filter(Boolean).join(' and ')}` : ''}.
            </p>
            <p className="mt-2 text-sm">
              <Link href="/settings" className="inline-flex min-h-11 items-center text-accent underline">
                {sound || notifications ? 'Change alert sound and notifications' : 'Turn on a sound or system notifications'}
              </Link>
            </p>
          </Panel>
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
