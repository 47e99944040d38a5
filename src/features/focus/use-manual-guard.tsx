import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useActivityStore } from '../../store/activity';

interface Question {
  title: string;
  text: string;
  confirmLabel: string;
  takesControl: boolean;
  action: () => void;
}

/**
 * Asks before a manual command that would disturb what NINA is doing: a running sequence (once
 * per sequence, "take manual control", as the jog pad does) or, for a focuser move, a running
 * autofocus whose curve the move would spoil.
 */
export function useManualGuard(): { guard: (action: () => void, options?: { autofocusRunning?: boolean }) => void; dialog: ReactNode } {
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const manualControlTaken = useActivityStore((s) => s.manualControlTaken);
  const takeManualControl = useActivityStore((s) => s.takeManualControl);
  const [question, setQuestion] = useState<Question>();

  const guard = (action: () => void, { autofocusRunning = false } = {}) => {
    if (sequenceRunning && !manualControlTaken) {
      setQuestion({
        title: 'A sequence is running',
        text: 'Focusing by hand now changes the frames the sequence is taking. Take manual control for this sequence?',
        confirmLabel: 'Take manual control',
        takesControl: true,
        action,
      });
    } else if (autofocusRunning) {
      setQuestion({
        title: 'An autofocus is running',
        text: 'Moving the focuser now spoils the points NINA is measuring, and the run may pick a wrong focus. Move it anyway?',
        confirmLabel: 'Move anyway',
        takesControl: false,
        action,
      });
    } else {
      action();
    }
  };

  const dialog = (
    <ConfirmDialog
      open={question !== undefined}
      title={question?.title ?? ''}
      confirmLabel={question?.confirmLabel ?? ''}
      tone="danger"
      onCancel={() => setQuestion(undefined)}
      onConfirm={() => {
        if (question?.takesControl) takeManualControl();
        question?.action();
        setQuestion(undefined);
      }}
    >
      {question?.text}
    </ConfirmDialog>
  );
  return { guard, dialog };
}
