import { Link } from 'wouter';

/** A view that is not built yet says what will be there, instead of pretending. */
export function PlannedView({ title, summary, items }: { title: string; summary: string; items: readonly string[] }) {
  return (
    <div className="mx-auto max-w-2xl">
      <section aria-label={title} className="rounded-xl border border-dashed border-border bg-surface p-5">
        <p className="text-xs font-medium tracking-wide text-accent uppercase">Coming next</p>
        <h2 className="mt-1 text-lg font-semibold">{title}</h2>
        <p className="mt-2 text-muted">{summary}</p>
        <ul className="mt-4 list-disc space-y-1.5 pl-5 text-sm">
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="mt-4 text-sm text-muted">
          Meanwhile the <Link href="/" className="text-accent underline">Overview</Link> shows this device’s state and lets you connect it.
        </p>
      </section>
    </div>
  );
}
