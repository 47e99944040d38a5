import { filterColor } from '../../components/chart/chart-colors';
import { Button } from '../../components/Button';
import type { ExposureRowDraft, RowErrors } from './builder-form';
import { SelectField, TextField } from './fields';

interface Props {
  rows: readonly ExposureRowDraft[];
  errors: Readonly<Record<string, RowErrors>>;
  filters: readonly { Name: string; Id: number }[];
  binningModes: readonly string[];
  gainHint?: string;
  offsetHint?: string;
  onChange: (key: string, change: Partial<ExposureRowDraft>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

/** The exposure plan: one card per line of filter × exposure × frames × gain × offset × binning. */
export function ExposureRowsEditor({ rows, errors, filters, binningModes, gainHint, offsetHint, onChange, onAdd, onRemove }: Props) {
  return (
    <div className="space-y-2">
      <ol aria-label="Exposure plan" className="space-y-2">
        {rows.map((row, index) => {
          const rowErrors = errors[row.key] ?? {};
          const unknownFilter = row.filter !== '' && !filters.some((filter) => filter.Name === row.filter);
          const binnings = binningModes.includes(row.binning) ? binningModes : [row.binning, ...binningModes];
          return (
            <li key={row.key} aria-label={`Line ${index + 1}`} data-testid="exposure-row" className="rounded-lg border border-border p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="inline-flex items-center gap-2 text-sm font-medium">
                  <span aria-hidden className="size-2.5 rounded-full" style={{ background: filterColor(row.filter || undefined) }} />
                  Line {index + 1}
                  <span className="font-normal text-muted">
                    {row.filter || 'current filter'} · {row.exposureText || '?'} s × {row.countText || '?'}
                  </span>
                </span>
                <Button variant="ghost" className="px-3 text-muted" onClick={() => onRemove(row.key)} aria-label={`Remove line ${index + 1}`}>
                  Remove
                </Button>
              </div>
              <div className="grid grid-cols-2 gap-2">
                <SelectField label="Filter" value={row.filter} error={rowErrors.filter} onChange={(event) => onChange(row.key, { filter: event.target.value })}>
                  <option value="">Current filter</option>
                  {unknownFilter ? <option value={row.filter}>{row.filter} (not in NINA’s list)</option> : null}
                  {filters.map((filter) => (
                    <option key={filter.Id} value={filter.Name}>
                      {filter.Name}
                    </option>
                  ))}
                </SelectField>
                <SelectField label="Binning" value={row.binning} error={rowErrors.binning} onChange={(event) => onChange(row.key, { binning: event.target.value })}>
                  {binnings.map((mode) => (
                    <option key={mode} value={mode}>
                      {mode}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label="Exposure (s)"
                  inputMode="decimal"
                  value={row.exposureText}
                  error={rowErrors.exposure}
                  onChange={(event) => onChange(row.key, { exposureText: event.target.value })}
                />
                <TextField
                  label="Frames"
                  inputMode="numeric"
                  value={row.countText}
                  error={rowErrors.count}
                  onChange={(event) => onChange(row.key, { countText: event.target.value })}
                />
                <TextField
                  label="Gain"
                  inputMode="numeric"
                  placeholder="default"
                  value={row.gainText}
                  error={rowErrors.gain}
                  title={gainHint}
                  onChange={(event) => onChange(row.key, { gainText: event.target.value })}
                />
                <TextField
                  label="Offset"
                  inputMode="numeric"
                  placeholder="default"
                  value={row.offsetText}
                  error={rowErrors.offset}
                  title={offsetHint}
                  onChange={(event) => onChange(row.key, { offsetText: event.target.value })}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <Button onClick={onAdd}>Add a line</Button>
    </div>
  );
}
