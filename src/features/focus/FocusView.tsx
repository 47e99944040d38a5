import { useState } from 'react';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useFocuserInfo } from '../../nina/api/focuser';
import { useAutofocusHistory } from '../../store/autofocus-history';
import { AutofocusHistory } from './AutofocusHistory';
import { AutofocusPanel } from './AutofocusPanel';
import { FocuserPanel } from './FocuserPanel';

export function FocusView() {
  const runs = useAutofocusHistory((state) => state.runs);
  // A chosen run stays shown until the next run starts: a new run always takes the chart.
  const [choice, setChoice] = useState<{ runId: number; latestId?: number }>();
  const latest = runs.at(-1);
  const autofocusRunning = latest?.status === 'running';
  // One poll for both panels: at most once a second, and only while this view is open.
  const focuser = useFocuserInfo(autofocusRunning);
  const chosenIndex = choice && choice.latestId === latest?.id ? runs.findIndex((run) => run.id === choice.runId) : -1;
  const shownIndex = chosenIndex >= 0 ? chosenIndex : runs.length - 1;
  const shown = runs[shownIndex];
  const previous = shownIndex > 0 ? runs[shownIndex - 1] : undefined;

  // Phone: the autofocus first (what one comes here for), then the focuser, then the night's runs.
  return (
    <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:grid-rows-[auto_1fr]">
      <div className="lg:col-start-1">
        <PanelErrorBoundary name="the autofocus panel">
          <AutofocusPanel shown={shown} previous={previous} latest={latest} focuser={focuser.data} />
        </PanelErrorBoundary>
      </div>
      <div className="lg:sticky lg:top-18 lg:col-start-2 lg:row-span-2 lg:row-start-1">
        <PanelErrorBoundary name="the focuser panel">
          <FocuserPanel info={focuser} autofocusRunning={autofocusRunning} />
        </PanelErrorBoundary>
      </div>
      <div className="lg:col-start-1">
        <PanelErrorBoundary name="the autofocus history">
          <AutofocusHistory runs={runs} shownId={shown?.id} onShow={(runId) => setChoice({ runId, latestId: latest?.id })} />
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
