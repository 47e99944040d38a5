import { useState, type ReactNode } from 'react';
import { Button, type ButtonProps } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useMountCommand, type MountCommand } from '../../nina/api/mount';

/** One mount command with its own pending state and NINA's answer under it; optionally confirmed first. */
export function CommandButton({
  command,
  children,
  confirm,
  ...buttonProps
}: { command: MountCommand | (() => MountCommand | undefined); children: ReactNode; confirm?: { title: string; text: string; label: string } } & Omit<
  ButtonProps,
  'onClick' | 'children'
>) {
  const mutation = useMountCommand();
  const [confirming, setConfirming] = useState(false);
  const run = () => {
    const resolved = typeof command === 'function' ? command() : command;
    if (resolved) mutation.mutate(resolved);
  };
  return (
    <div className="flex flex-col gap-1">
      <Button {...buttonProps} pending={mutation.isPending} onClick={() => (confirm ? setConfirming(true) : run())}>
        {children}
      </Button>
      <CommandFeedback status={mutation} />
      {confirm ? (
        <ConfirmDialog
          open={confirming}
          title={confirm.title}
          confirmLabel={confirm.label}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run();
          }}
        >
          {confirm.text}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
