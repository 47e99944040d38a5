import { formatDecDeg } from '../../lib/sexagesimal';
import type { Hemisphere } from '../../lib/polar-guidance';
import { usePolarSettings, type HemisphereChoice } from './polar-settings';

const hemisphereNames: Record<Hemisphere, string> = { north: 'Northern', south: 'Southern' };
const choices: readonly [HemisphereChoice, string][] = [
  ['auto', 'From the mount'],
  ['north', 'Northern'],
  ['south', 'Southern'],
];

/** Where the hemisphere comes from, in a sentence. */
export function hemisphereNote(choice: HemisphereChoice, hemisphere: Hemisphere | undefined, latitudeDeg: number | undefined): string {
  if (choice !== 'auto') return `${hemisphereNames[choice]} hemisphere, as chosen here.`;
  if (hemisphere && latitudeDeg !== undefined) return `${hemisphereNames[hemisphere]} hemisphere: the mount’s site latitude is ${formatDecDeg(latitudeDeg)}.`;
  return 'The mount is not connected, so Skydeck cannot tell the hemisphere: choose it, or the altitude advice stays unknown.';
}

/**
 * The hemisphere, the per-axis reversal, and TPPA's sign convention explained once: the reason
 * another tool's arrows pointed the wrong way south of the equator.
 */
export function ArrowSettings({ hemisphere, latitudeDeg }: { hemisphere: Hemisphere | undefined; latitudeDeg: number | undefined }) {
  const settings = usePolarSettings();
  return (
    <div className="grid gap-4 text-sm md:grid-cols-2">
      <div className="space-y-4">
        <fieldset>
          <legend className="mb-1 text-xs text-muted">Hemisphere</legend>
          <div className="grid grid-cols-3 gap-1 rounded-lg border border-border bg-surface-2 p-1">
            {choices.map(([choice, label]) => (
              <button
                key={choice}
                type="button"
                aria-pressed={settings.hemisphere === choice}
                onClick={() => settings.setHemisphere(choice)}
                className={`min-h-11 rounded-md px-1 text-sm ${settings.hemisphere === choice ? 'bg-accent/20 font-semibold text-accent' : 'hover:bg-surface'}`}
              >
                {label}
              </button>
            ))}
          </div>
          <p className={`mt-1 text-xs ${hemisphere ? 'text-muted' : 'text-warn'}`} data-testid="hemisphere-note" data-hemisphere={hemisphere ?? 'unknown'}>
            {hemisphereNote(settings.hemisphere, hemisphere, latitudeDeg)}
          </p>
        </fieldset>

        <fieldset className="space-y-1">
          <legend className="mb-1 text-xs text-muted">For adjusters that move the other way</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" className="size-5" checked={settings.reverseAzimuth} onChange={(event) => settings.setReverse('azimuth', event.target.checked)} />
            Reverse the azimuth arrow
          </label>
          <label className="flex min-h-11 items-center gap-3">
            <input type="checkbox" className="size-5" checked={settings.reverseAltitude} onChange={(event) => settings.setReverse('altitude', event.target.checked)} />
            Reverse the altitude arrow
          </label>
        </fieldset>
      </div>

      <div className="space-y-2 rounded-lg bg-surface-2 p-3 text-muted" data-testid="sign-convention">
        <p className="font-medium text-fg">How to read the arrows</p>
        <p>
          Stand behind the mount facing the pole: north in the northern hemisphere, south in the southern one. The centre of the target is the celestial
          pole and the dot is where the mount’s axis points. Move the axis the way the arrows show, left or right with the azimuth adjusters, up or down
          with the altitude bolt, until the dot sits inside the shaded tolerance ring. The words say where the axis goes, whichever way an arrow is reversed.
        </p>
        <p>
          TPPA signs its errors differently in each hemisphere. A positive azimuth error means the axis is clockwise of the pole seen from above: east of it
          in the north, west of it in the south, so “move left” either way. A positive altitude error means too high in the north but too low in the south.
          Skydeck takes the hemisphere from the mount’s site latitude as TPPA does, counting the equator as southern.
        </p>
      </div>
    </div>
  );
}
