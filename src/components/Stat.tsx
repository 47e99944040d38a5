import type { ReactNode } from 'react';

export interface StatProps {
  label: string;
  value: ReactNode;
  unit?: string;
  /** Dim the value when it is not live (device disconnected, stale). */
  muted?: boolean;
}

export function Stat({ label, value, unit, muted = false }: StatProps) {
  return (
    <div className="min-w-0">
      <dt className="truncate text-xs text-muted">{label}</dt>
      <dd className={`truncate font-mono text-sm ${muted ? 'text-muted' : 'text-fg'}`}>
        {value}
        {unit && value !== '—' ? <span className="ml-1 text-muted">{unit}</span> : null}
      </dd>
    </div>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-x-4 gap-y-2">{children}</dl>;
}
