/** TPPA's progress: a fraction, or undefined while it cannot say how far along it is. */
export function ProgressBar({ fraction, label, className = 'h-2' }: { fraction: number | undefined; label: string; className?: string }) {
  const determinate = fraction !== undefined;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={determinate ? 0 : undefined}
      aria-valuemax={determinate ? 100 : undefined}
      aria-valuenow={determinate ? Math.round(fraction * 100) : undefined}
      data-indeterminate={!determinate}
      className={`w-full overflow-hidden rounded-full bg-surface-2 ${className}`}
    >
      <div
        className={`h-full rounded-full bg-accent ${determinate ? 'transition-[width] duration-200' : 'w-full animate-pulse opacity-40'}`}
        style={determinate ? { width: `${Math.round(fraction * 100)}%` } : undefined}
      />
    </div>
  );
}
