import { useId } from 'react';
import { JPEG_QUALITY, NINA_DEFAULT_STRETCH, useViewerSettings } from './viewer-settings';

const selectClass = 'min-h-11 w-full rounded-lg border border-border bg-surface-2 px-3 text-sm';

/** NINA's stretch (factor, black clipping, unlinked) and the transfer format, behind a disclosure. */
export function ViewerOptions() {
  const settings = useViewerSettings();
  const ids = { format: useId(), factor: useId(), clipping: useId() };
  const custom = settings.stretchMode === 'custom';
  return (
    <details className="rounded-lg border border-border bg-surface-2/40 px-3 text-sm">
      <summary className="flex min-h-11 cursor-pointer items-center">
        Stretch and format
        <span className="ml-2 text-xs text-muted">
          {custom ? `factor ${settings.factor.toFixed(2)}, clipping ${settings.blackClipping.toFixed(1)}` : 'NINA’s profile'} ·{' '}
          {settings.format === 'auto' ? 'auto' : settings.format.toUpperCase()}
        </span>
      </summary>
      <div className="grid gap-3 pb-3 sm:grid-cols-2">
        <fieldset className="space-y-2">
          <legend className="mb-1 text-xs text-muted">Stretch</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="stretch" className="size-5" checked={!custom} onChange={() => settings.change({ stretchMode: 'profile' })} />
            NINA’s profile settings
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" name="stretch" className="size-5" checked={custom} onChange={() => settings.change({ stretchMode: 'custom' })} />
            Custom
          </label>
          <div className={`space-y-2 ${custom ? '' : 'opacity-50'}`}>
            <label htmlFor={ids.factor} className="flex justify-between text-xs text-muted">
              <span>Stretch factor</span>
              <span className="font-mono">{settings.factor.toFixed(2)}</span>
            </label>
            <input
              id={ids.factor}
              type="range"
              min={0.05}
              max={1}
              step={0.01}
              disabled={!custom}
              value={settings.factor}
              onChange={(event) => settings.change({ factor: Number(event.target.value) })}
              className="h-11 w-full accent-accent"
            />
            <label htmlFor={ids.clipping} className="flex justify-between text-xs text-muted">
              <span>Black clipping (σ)</span>
              <span className="font-mono">{settings.blackClipping.toFixed(1)}</span>
            </label>
            <input
              id={ids.clipping}
              type="range"
              min={-6}
              max={0}
              step={0.1}
              disabled={!custom}
              value={settings.blackClipping}
              onChange={(event) => settings.change({ blackClipping: Number(event.target.value) })}
              className="h-11 w-full accent-accent"
            />
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="size-5"
                disabled={!custom}
                checked={settings.unlinked}
                onChange={(event) => settings.change({ unlinked: event.target.checked })}
              />
              Unlinked (colour cameras)
            </label>
            <button
              type="button"
              disabled={!custom}
              onClick={() => settings.change({ ...NINA_DEFAULT_STRETCH })}
              className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm disabled:opacity-50"
            >
              NINA’s defaults
            </button>
          </div>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor={ids.format} className="text-xs text-muted">
            Transfer format
          </label>
          <select
            id={ids.format}
            value={settings.format}
            onChange={(event) => settings.change({ format: event.target.value as 'auto' | 'png' | 'jpeg' })}
            className={selectClass}
          >
            <option value="auto">Auto: PNG, JPEG on a slow link</option>
            <option value="png">PNG (lossless)</option>
            <option value="jpeg">JPEG {JPEG_QUALITY} (smaller)</option>
          </select>
          <p className="text-xs text-muted">Images come sized to this screen; zooming in past it fetches the full frame.</p>
        </div>
      </div>
    </details>
  );
}
