import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { isPresent } from '../../lib/format';
import { jNowToJ2000 } from '../../lib/precession';
import { formatDecDeg, formatRaHours, parseDecDeg, parseRaHours } from '../../lib/sexagesimal';
import { useMountCommand } from '../../nina/api/mount';
import type { MountInfo } from '../../nina/schemas/equipment';

const inputClass = 'min-h-11 w-full rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm aria-[invalid=true]:border-bad';

interface Target {
  raDeg: number;
  decDeg: number;
}

/** Slew to typed J2000 coordinates (NINA's slew takes J2000 degrees; notes §4), or sync the mount to them. */
export function SlewForm({ mount, disabledReason }: { mount: MountInfo | undefined; disabledReason?: string }) {
  const [raText, setRaText] = useState('');
  const [decText, setDecText] = useState('');
  const [errors, setErrors] = useState<{ ra?: string; dec?: string }>({});
  const [syncTarget, setSyncTarget] = useState<Target>();
  const slew = useMountCommand();
  const sync = useMountCommand();
  const stop = useMountCommand();
  const ids = { ra: useId(), dec: useId(), raError: useId(), decError: useId() };

  const target = (): Target | undefined => {
    const ra = parseRaHours(raText);
    const dec = parseDecDeg(decText);
    setErrors({ ra: ra.ok ? undefined : ra.error, dec: dec.ok ? undefined : dec.error });
    return ra.ok && dec.ok ? { raDeg: ra.value * 15, decDeg: dec.value } : undefined;
  };

  const submit = (center: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const coordinates = target();
    if (coordinates) slew.mutate({ kind: 'slew', ...coordinates, center });
  };

  const useMountPosition = () => {
    if (!mount || !isPresent(mount.RightAscension) || !isPresent(mount.Declination)) return;
    const position = { raHours: mount.RightAscension, decDeg: mount.Declination };
    const j2000 = mount.Coordinates?.Epoch === 'J2000' ? position : jNowToJ2000(position, Date.now());
    setRaText(formatRaHours(j2000.raHours, 1));
    setDecText(formatDecDeg(j2000.decDeg, 1).replace('−', '-'));
    setErrors({});
  };

  const disabled = disabledReason !== undefined;
  return (
    <form onSubmit={submit(false)} noValidate className="space-y-3" aria-label="Slew to coordinates">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.ra} className="text-xs text-muted">
            Right ascension (J2000)
          </label>
          <input
            id={ids.ra}
            value={raText}
            onChange={(event) => setRaText(event.target.value)}
            placeholder="05h 34m 32s or 5.576"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors.ra)}
            aria-describedby={errors.ra ? ids.raError : undefined}
            className={inputClass}
          />
          {errors.ra ? (
            <p id={ids.raError} className="text-xs text-bad">
              {errors.ra}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.dec} className="text-xs text-muted">
            Declination (J2000)
          </label>
          <input
            id={ids.dec}
            value={decText}
            onChange={(event) => setDecText(event.target.value)}
            placeholder="+22° 00′ 52″ or 22.014"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors.dec)}
            aria-describedby={errors.dec ? ids.decError : undefined}
            className={inputClass}
          />
          {errors.dec ? (
            <p id={ids.decError} className="text-xs text-bad">
              {errors.dec}
            </p>
          ) : null}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={disabled} pending={slew.isPending}>
          Slew
        </Button>
        <Button disabled={disabled} pending={slew.isPending} onClick={() => submit(true)()}>
          Slew and center
        </Button>
        <Button variant="danger" disabled={!mount?.Connected} pending={stop.isPending} onClick={() => stop.mutate({ kind: 'stop-slew' })}>
          Stop slew
        </Button>
        <Button variant="ghost" disabled={!mount?.Connected} onClick={useMountPosition}>
          Use the mount’s position
        </Button>
        <Button
          variant="ghost"
          disabled={disabled}
          onClick={() => {
            const coordinates = target();
            if (coordinates) setSyncTarget(coordinates);
          }}
        >
          Sync here…
        </Button>
      </div>
      {disabledReason ? <p className="text-sm text-muted">{disabledReason}</p> : null}
      <CommandFeedback status={slew} pendingText={slew.variables?.kind === 'slew' && slew.variables.center ? 'Slewing and centering…' : 'Sending the slew…'} />
      <CommandFeedback status={stop} />
      <CommandFeedback status={sync} pendingText="Syncing…" />
      <ConfirmDialog
        open={syncTarget !== undefined}
        title="Sync the mount?"
        confirmLabel="Sync"
        onCancel={() => setSyncTarget(undefined)}
        onConfirm={() => {
          if (syncTarget) sync.mutate({ kind: 'sync', ...syncTarget });
          setSyncTarget(undefined);
        }}
      >
        The mount will take these coordinates as where it points now. Only do this when the telescope is really centred on them.
      </ConfirmDialog>
    </form>
  );
}
