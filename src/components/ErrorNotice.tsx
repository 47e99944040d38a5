import { isNinaError, type NinaErrorKind } from '../nina/errors';

const headings: Record<NinaErrorKind, string> = {
  nina: 'NINA says',
  http: 'NINA refused the request',
  proxy: 'NINA is out of reach',
  network: 'NINA is out of reach',
  timeout: 'NINA did not answer in time',
  aborted: 'Cancelled',
  empty: 'Empty reply from NINA',
  malformed: 'Unreadable reply',
  schema: 'Unexpected data from NINA',
};

/** An error as a person should read it: NINA's own words first, the technical detail on request. */
export function ErrorNotice({ error, compact = false }: { error: unknown; compact?: boolean }) {
  const heading = isNinaError(error) ? headings[error.kind] : 'Something went wrong';
  const message = error instanceof Error ? error.message : String(error);
  const detail = isNinaError(error) ? error.detail : undefined;
  if (compact) {
    return (
      <p role="alert" className="text-sm text-bad">
        {message}
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-lg border border-bad/40 bg-bad/10 p-3 text-sm">
      <p className="font-medium text-bad">{heading}</p>
      <p className="mt-1 break-words text-fg">{message}</p>
      {detail ? (
        <details className="mt-2 text-muted">
          <summary className="cursor-pointer">Details</summary>
          <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all font-mono text-xs">{detail}</pre>
        </details>
      ) : null}
    </div>
  );
}
