import { useId } from 'react';
import type { Choice, DraftErrors, NumericField, OptionsDraft } from './start-options';

const inputClass =
  'min-h-11 w-full rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm placeholder:font-sans placeholder:text-muted/70 aria-[invalid=true]:border-bad';

/** Three ways: TPPA's own setting, or one of two values. */
function ChoiceField({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: Choice;
  options: readonly [string, string];
  onChange: (value: Choice) => void;
}) {
  const choices: readonly [Choice, string][] = [
    ['', 'TPPA’s'],
    ['true', options[0]],
    ['false', options[1]],
  ];
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs text-muted">{legend}</legend>
      <div className="grid grid-cols-3 gap-1 rounded-lg border border-border bg-surface-2 p-1">
        {choices.map(([choice, label]) => (
          <button
            key={choice || 'tppa'}
            type="button"
            aria-pressed={value === choice}
            onClick={() => onChange(choice)}
            className={`min-h-11 rounded-md px-1 text-sm ${value === choice ? 'bg-accent/20 font-semibold text-accent' : 'text-fg hover:bg-surface'}`}
          >
            {label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

function NumberField({
  field,
  label,
  unit,
  hint,
  draft,
  errors,
  onChange,
}: {
  field: NumericField;
  label: string;
  unit: string;
  hint?: string;
  draft: OptionsDraft;
  errors: DraftErrors;
  onChange: (field: NumericField, value: string) => void;
}) {
  const id = useId();
  const error = errors[field];
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted">
        {label} {unit ? <span className="text-muted/80">({unit})</span> : null}
      </label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder="TPPA’s"
        value={draft[field]}
        onChange={(event) => onChange(field, event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={inputClass}
      />
      {error ? (
        <p id={`${id}-error`} className="text-xs text-bad">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** TPPA's start options. Anything left empty keeps TPPA's own setting; what is sent, TPPA keeps. */
export function OptionsForm({
  draft,
  errors,
  filters,
  onChange,
}: {
  draft: OptionsDraft;
  errors: DraftErrors;
  /** The filter wheel's filters; undefined without a connected wheel. */
  filters: readonly string[] | undefined;
  onChange: (draft: OptionsDraft) => void;
}) {
  const filterId = useId();
  const set = (patch: Partial<OptionsDraft>) => onChange({ ...draft, ...patch });
  const setNumber = (field: NumericField, value: string) => set({ [field]: value });
  const numberProps = { draft, errors, onChange: setNumber };
  const filterChoices = filters && draft.filter && !filters.includes(draft.filter) ? [...filters, draft.filter] : (filters ?? (draft.filter ? [draft.filter] : []));
  return (
    <div className="space-y-4">
      <p className="text-xs text-muted">Empty fields keep TPPA’s own settings. What you fill in is sent with the start, and TPPA keeps it.</p>
      <div className="grid gap-3">
        <ChoiceField legend="Mode" value={draft.manualMode} options={['Manual', 'Automatic']} onChange={(manualMode) => set({ manualMode })} />
        <ChoiceField
          legend="First point"
          value={draft.startFromCurrentPosition}
          options={['Here', 'Near pole']}
          onChange={(startFromCurrentPosition) => set({ startFromCurrentPosition })}
        />
        <ChoiceField legend="Move the RA axis" value={draft.eastDirection} options={['East', 'West']} onChange={(eastDirection) => set({ eastDirection })} />
      </div>
      <div className="grid grid-cols-2 gap-3">
        <NumberField field="toleranceArcmin" label="Tolerance" unit="′" hint="0: never stops by itself" {...numberProps} />
        <NumberField field="exposureS" label="Exposure" unit="s" {...numberProps} />
        <NumberField field="targetDistanceDeg" label="Target distance" unit="°" {...numberProps} />
        <NumberField field="moveRateDegPerS" label="Move rate" unit="°/s" {...numberProps} />
        <NumberField field="gain" label="Gain" unit="" hint="−1: camera default" {...numberProps} />
        <NumberField field="offset" label="Offset" unit="" hint="−1: camera default" {...numberProps} />
        <NumberField field="binning" label="Binning" unit="" {...numberProps} />
        <NumberField field="searchRadiusDeg" label="Search radius" unit="°" {...numberProps} />
      </div>
      <div className="flex flex-col gap-1 sm:max-w-xs">
        <label htmlFor={filterId} className="text-xs text-muted">
          Filter
        </label>
        <select id={filterId} value={draft.filter} onChange={(event) => set({ filter: event.target.value })} className={inputClass}>
          <option value="">TPPA’s</option>
          {filterChoices.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {filters === undefined ? <p className="text-xs text-muted">Connect the filter wheel to choose among its filters.</p> : null}
      </div>
    </div>
  );
}
