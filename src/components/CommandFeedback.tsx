import { Spinner } from './Button';

export interface CommandStatus {
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  data?: unknown;
  error: unknown;
}

/** Pending → NINA's own answer, or its error text: one line under a command. */
export function CommandFeedback({ status, pendingText = 'Sending to NINA…' }: { status: CommandStatus; pendingText?: string }) {
  if (status.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-xs text-muted">
        <Spinner className="size-3" /> {pendingText}
      </p>
    );
  }
  if (status.isError) {
    return (
      <p role="alert" className="text-xs break-words text-bad">
        {status.error instanceof Error ? status.error.message : String(status.error)}
      </p>
    );
  }
  if (status.isSuccess && typeof status.data === 'string' && status.data) {
    return (
      <p role="status" className="text-xs text-ok">
        NINA: {status.data}
      </p>
    );
  }
  return null;
}
