import { useId } from 'react';
import { GUIDE_HISTORY_LENGTHS, GUIDE_Y_SCALES_ARCSEC, useGuideGraphSettings, type GuideUnit } from '../../store/guide-graph-settings';

const selectClass = 'min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm disabled:opacity-50';

function Segmented<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; text: string; disabled?: boolean }[]; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg border border-border bg-surface-2 p-0.5">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          disabled={option.disabled}
          onClick={() => onChange(option.value)}
          className={`min-h-11 min-w-12 rounded-md px-3 text-sm disabled:opacity-40 ${value === option.value ? 'bg-accent/20 font-medium text-accent' : 'text-muted hover:text-fg'}`}
        >
          {option.text}
        </button>
      ))}
    </div>
  );
}

/** Unit, corrections, vertical scale and history length: PHD2's graph controls. */
export function GraphControls({ unit, pixelScaleKnown }: { unit: GuideUnit; pixelScaleKnown: boolean }) {
  const settings = useGuideGraphSettings();
  const scaleId = useId();
  const historyId = useId();
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <div className="flex flex-col gap-1">
        <span className="text-xs text-muted">Unit</span>
        <Segmented
          label="Unit"
          value={unit}
          onChange={settings.setUnit}
          options={[
            { value: 'arcsec', text: 'arcsec', disabled: !pixelScaleKnown },
            { value: 'px', text: 'px' },
          ]}
        />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={scaleId} className="text-xs text-muted">
          Scale
        </label>
        <select
          id={scaleId}
          value={String(settings.yScale)}
          onChange={(event) => settings.setYScale(event.target.value === 'auto' ? 'auto' : Number(event.target.value))}
          className={selectClass}
        >
          <option value="auto">Auto</option>
          {GUIDE_Y_SCALES_ARCSEC.map((arcsec) => (
            <option key={arcsec} value={arcsec} disabled={!pixelScaleKnown && unit === 'px'}>
              ±{arcsec}″
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={historyId} className="text-xs text-muted">
          History
        </label>
        <select id={historyId} value={settings.historyLength} onChange={(event) => settings.setHistoryLength(Number(event.target.value))} className={selectClass}>
          {GUIDE_HISTORY_LENGTHS.map((length) => (
            <option key={length} value={length}>
              {length} steps
            </option>
          ))}
        </select>
      </div>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="size-5" checked={settings.showCorrections} onChange={(event) => settings.setShowCorrections(event.target.checked)} />
        Corrections
      </label>
    </div>
  );
}
