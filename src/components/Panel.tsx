import type { ReactNode } from 'react';

export interface PanelProps {
  title: ReactNode;
  /** Right side of the title bar: a status pill, buttons. */
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Accessible region name when the title is not plain text. */
  label?: string;
}

export function Panel({ title, aside, children, className = '', label }: PanelProps) {
  return (
    <section aria-label={label ?? (typeof title === 'string' ? title : undefined)} className={`rounded-xl border border-border bg-surface p-4 ${className}`}>
      <header className="mb-3 flex min-h-8 flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  );
}
