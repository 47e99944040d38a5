import { Link } from 'wouter';

/** Last line of defence: a view that fails to load or render never leaves a white screen. */
export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const chunkFailed = error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  return (
    <div role="alert" className="mx-auto max-w-lg p-6">
      <h1 className="text-lg font-semibold text-bad">This view could not be shown</h1>
      <p className="mt-2 break-words text-muted">{message}</p>
      {chunkFailed ? (
        <p className="mt-2 text-muted">Skydeck may have been updated or the network dropped while loading. Reload to fetch it again.</p>
      ) : null}
      <div className="mt-4 flex gap-3">
        <button type="button" className="min-h-11 rounded-lg border border-border bg-surface-2 px-4" onClick={() => window.location.reload()}>
          Reload
        </button>
        <a href="/" className="inline-flex min-h-11 items-center rounded-lg px-4 text-accent underline">
          Back to the overview
        </a>
      </div>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="mx-auto max-w-lg p-6">
      <h1 className="text-lg font-semibold">No such view</h1>
      <p className="mt-2 text-muted">This address is not part of Skydeck.</p>
      <Link href="/" className="mt-4 inline-flex min-h-11 items-center text-accent underline">
        Go to the overview
      </Link>
    </div>
  );
}
