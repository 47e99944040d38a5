import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

export const inputClass =
  'min-h-11 w-full min-w-0 rounded-lg border border-border bg-surface-2 px-3 text-sm aria-[invalid=true]:border-bad disabled:opacity-50';

interface FieldProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

/** A labelled text input with its error under it, wired for screen readers. */
export function TextField({ label, error, hint, className = '', ...input }: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  const id = useId();
  const errorId = useId();
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <input
        id={id}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        className={inputClass}
        {...input}
      />
      {error ? (
        <p id={errorId} className="text-xs text-bad">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

export function SelectField({ label, error, className = '', children, ...select }: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'>) {
  const id = useId();
  const errorId = useId();
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs text-muted">
        {label}
      </label>
      <select id={id} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} className={inputClass} {...select}>
        {children}
      </select>
      {error ? (
        <p id={errorId} className="text-xs text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with a 44 px tall label, easy to hit with a cold finger. */
export function CheckField({ label, checked, onChange, children }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm">
        <input type="checkbox" className="size-5 shrink-0" checked={checked} onChange={(event) => onChange(event.target.checked)} />
        {label}
      </label>
      {children}
    </div>
  );
}
