import { useState } from 'react';
import { Button } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { isPresent } from '../../lib/format';
import { jNowToJ2000 } from '../../lib/precession';
import { sequenceJsonText } from '../../lib/sequence-builder';
import { formatDecDeg, formatRaHours } from '../../lib/sexagesimal';
import { useEquipmentInfo } from '../../nina/api/equipment';
import { useSequenceCommand } from '../../nina/api/sequence';
import type { MountInfo } from '../../nina/schemas/equipment';
import type { EquipmentSnapshot } from '../../nina/schemas/equipment-snapshot';
import { useBuilderDraft } from './builder-draft';
import { planExposureS, planFromDraft, type BuilderContext, type BuilderDraft } from './builder-form';
import { ExposureRowsEditor } from './ExposureRowsEditor';
import { CheckField, SelectField, TextField } from './fields';
import { JsonPreview } from './JsonPreview';
import { formatDurationS } from './presentation';

const DEFAULT_BINNINGS = ['1x1', '2x2', '3x3', '4x4'];

function equipmentContext(snapshot: EquipmentSnapshot | undefined) {
  const wheel = snapshot?.filterwheel.ok ? snapshot.filterwheel.info : undefined;
  const camera = snapshot?.camera.ok ? snapshot.camera.info : undefined;
  const mount = snapshot?.mount.ok ? snapshot.mount.info : undefined;
  const range = (min: number | undefined, max: number | undefined) => (isPresent(min) && isPresent(max) && max > min ? { min, max } : undefined);
  const context: BuilderContext = {
    filters: wheel?.AvailableFilters ?? [],
    gainRange: camera?.CanSetGain ? range(camera.GainMin, camera.GainMax) : undefined,
    offsetRange: camera?.CanSetOffset ? range(camera.OffsetMin, camera.OffsetMax) : undefined,
  };
  const binningModes = camera?.BinningModes?.length ? camera.BinningModes.map((mode) => mode.Name) : DEFAULT_BINNINGS;
  return { context, binningModes, mount };
}

/** Where the mount points, in J2000 as a sequence's target wants it; mounts report JNow. */
function mountPositionTexts(mount: MountInfo | undefined): { raText: string; decText: string } | undefined {
  if (!mount || !isPresent(mount.RightAscension) || !isPresent(mount.Declination)) return undefined;
  const position = { raHours: mount.RightAscension, decDeg: mount.Declination };
  const j2000 = mount.Coordinates?.Epoch === 'J2000' ? position : jNowToJ2000(position, Date.now());
  return { raText: formatRaHours(j2000.raHours, 2), decText: formatDecDeg(j2000.decDeg, 1) };
}

/** Build a one-target sequence here and send it to NINA, which replaces what its sequencer holds. */
export function BuilderPanel({ sequenceLoaded, running }: { sequenceLoaded: boolean; running: boolean }) {
  const draft = useBuilderDraft();
  const equipment = useEquipmentInfo();
  const { context, binningModes, mount } = equipmentContext(equipment.data);
  const load = useSequenceCommand();
  const [showErrors, setShowErrors] = useState(false);
  const [showJson, setShowJson] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Folded away while NINA holds a sequence, unless the user opened it: the run matters more then.
  const [openChoice, setOpenChoice] = useState<boolean>();
  const open = openChoice ?? !sequenceLoaded;

  const result = planFromDraft(draft, context);
  const errors = showErrors && !result.ok ? result.errors : { rows: {} };
  const json = result.ok ? sequenceJsonText(result.plan) : undefined;

  const change = (patch: Partial<BuilderDraft>) => draft.change(patch);
  const send = () => {
    if (json) load.mutate({ kind: 'load-json', json });
  };
  const requestLoad = () => {
    setShowErrors(true);
    setOpenChoice(true);
    if (!result.ok) return;
    // Loading replaces NINA's sequence, and anything not saved in NINA with it.
    if (sequenceLoaded) setConfirming(true);
    else send();
  };

  const fillFromMount = () => {
    const texts = mountPositionTexts(mount);
    if (texts) change(texts);
  };

  const addRow = () => {
    // The next filter of the wheel after the last line's, the usual L, R, G, B pattern.
    const last = draft.rows.at(-1);
    const index = context.filters.findIndex((filter) => filter.Name === last?.filter);
    const next = index >= 0 ? context.filters[index + 1]?.Name : undefined;
    draft.addRow(next);
  };

  const summary = result.ok
    ? `${result.plan.exposures.reduce((sum, row) => sum + row.count, 0)} frames · ${formatDurationS(planExposureS(result.plan))} of exposure`
    : undefined;

  return (
    <Panel
      title="Build a target sequence"
      aside={
        <Button variant="ghost" className="text-muted" aria-expanded={open} onClick={() => setOpenChoice(!open)}>
          {open ? 'Hide' : 'Show'}
        </Button>
      }
    >
      {open ? null : <p className="text-sm text-muted">A target with its centering, cooling, autofocus, guiding and exposures per filter, loaded into NINA in one go.</p>}
      <form
        hidden={!open}
        aria-label="Build a target sequence"
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          requestLoad();
        }}
      >
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold">Target</legend>
          <TextField label="Name" value={draft.targetName} error={errors.targetName} placeholder="M 42" onChange={(event) => change({ targetName: event.target.value })} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              label="Right ascension (J2000)"
              value={draft.raText}
              error={errors.ra}
              placeholder="05h 35m 17s or 5.588"
              onChange={(event) => change({ raText: event.target.value })}
            />
            <TextField
              label="Declination (J2000)"
              value={draft.decText}
              error={errors.dec}
              placeholder="−05° 23′ 28″ or −5.391"
              onChange={(event) => change({ decText: event.target.value })}
            />
          </div>
          <Button disabled={!mount?.Connected} onClick={fillFromMount}>
            Use the mount’s position
          </Button>
        </fieldset>

        <fieldset className="space-y-1">
          <legend className="mb-2 text-sm font-semibold">Before the exposures</legend>
          <SelectField label="Go to the target" value={draft.move} onChange={(event) => change({ move: event.target.value as BuilderDraft['move'] })}>
            <option value="center">Slew and center with a plate solve</option>
            <option value="slew">Slew only</option>
            <option value="none">Stay where the mount points</option>
          </SelectField>
          <CheckField label="Cool the camera first" checked={draft.cool} onChange={(cool) => change({ cool })} />
          {draft.cool ? (
            <div className="grid grid-cols-2 gap-3 pb-2 pl-8">
              <TextField label="Set point (°C)" inputMode="decimal" value={draft.coolTempText} error={errors.coolTemp} onChange={(event) => change({ coolTempText: event.target.value })} />
              <TextField
                label="Over (minutes)"
                inputMode="decimal"
                value={draft.coolMinutesText}
                error={errors.coolMinutes}
                onChange={(event) => change({ coolMinutesText: event.target.value })}
              />
            </div>
          ) : null}
          <CheckField label="Autofocus on the target" checked={draft.autofocus} onChange={(autofocus) => change({ autofocus })} />
          <CheckField label="Start guiding (stopped at the end)" checked={draft.guiding} onChange={(guiding) => change({ guiding })} />
          <div className="grid grid-cols-2 gap-3 pt-1">
            <TextField
              label="Dither every (frames)"
              inputMode="numeric"
              placeholder="never"
              value={draft.ditherText}
              error={errors.dither}
              onChange={(event) => change({ ditherText: event.target.value })}
            />
          </div>
          <CheckField
            label="Tell Skydeck when an item fails"
            checked={draft.reportFailures}
            onChange={(reportFailures) => change({ reportFailures })}
          />
        </fieldset>

        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Exposures</legend>
          <ExposureRowsEditor
            rows={draft.rows}
            errors={errors.rows}
            filters={context.filters}
            binningModes={binningModes}
            gainHint={context.gainRange ? `${context.gainRange.min}–${context.gainRange.max}; blank = camera default` : 'Blank = camera default'}
            offsetHint={context.offsetRange ? `${context.offsetRange.min}–${context.offsetRange.max}; blank = camera default` : 'Blank = camera default'}
            onChange={draft.changeRow}
            onAdd={addRow}
            onRemove={draft.removeRow}
          />
          {errors.plan ? <p className="mt-2 text-sm text-bad">{errors.plan}</p> : null}
        </fieldset>

        <div className="space-y-2 border-t border-border pt-3">
          {summary ? <p className="text-sm text-muted">{summary}</p> : null}
          {showErrors && !result.ok ? (
            <p role="alert" className="text-sm text-bad">
              Some fields need a look before NINA can take this sequence.
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" pending={load.isPending} disabled={running}>
              Load into NINA
            </Button>
            <Button
              aria-expanded={showJson}
              onClick={() => {
                setShowErrors(true);
                setShowJson(!showJson);
              }}
            >
              {showJson ? 'Hide JSON' : 'Show JSON'}
            </Button>
          </div>
          {running ? <p className="text-sm text-muted">A sequence is running: NINA loads another one once it has stopped.</p> : null}
          <CommandFeedback status={load} pendingText="Sending the sequence to NINA…" />
          {load.isSuccess ? <p className="text-xs text-muted">Start it in the Run panel.</p> : null}
          {showJson ? json ? <JsonPreview json={json} /> : <p className="text-sm text-muted">Fix the fields above to see the JSON.</p> : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Replace NINA’s sequence?"
        confirmLabel="Replace"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          send();
        }}
      >
        NINA’s sequencer holds a sequence now. Loading this one replaces it, and any changes to it not saved in NINA are lost.
      </ConfirmDialog>
    </Panel>
  );
}
