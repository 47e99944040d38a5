import { useMemo } from 'react';
import { Panel } from '../../components/Panel';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { useSequenceTree } from '../../nina/api/sequence';
import { isSequenceRunning } from '../../nina/schemas/sequence';
import { useActivityStore } from '../../store/activity';
import { BuilderPanel } from './BuilderPanel';
import { PlanProgress } from './PlanProgress';
import { RunPanel } from './RunPanel';
import { SavedSequencesPanel } from './SavedSequencesPanel';
import { SequenceTreeView } from './SequenceTreeView';
import { currentItems, isEmptySequence, planRows } from './sequence-progress';

export function SequenceView() {
  const query = useSequenceTree();
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const tree = query.data;
  const running = sequenceRunning || (tree !== undefined && isSequenceRunning(tree));
  const loaded = tree !== undefined && !isEmptySequence(tree);
  const rows = useMemo(() => planRows(tree), [tree]);
  const current = useMemo(() => currentItems(tree), [tree]);
  const currentIds = useMemo(() => new Set(current.map((node) => node.id)), [current]);

  // Phone: the run first, then what it is made of, then loading and building. Desktop: two columns.
  return (
    <div className="grid items-start gap-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
      <div className="space-y-3 lg:col-start-1">
        <PanelErrorBoundary name="the sequence run">
          <RunPanel query={query} running={running} rows={rows} current={current} />
        </PanelErrorBoundary>
        {loaded && rows.length > 0 ? (
          <PanelErrorBoundary name="the exposure progress">
            <Panel title="Exposures">
              <PlanProgress rows={rows} />
            </Panel>
          </PanelErrorBoundary>
        ) : null}
        {loaded ? (
          <PanelErrorBoundary name="the sequence tree">
            <Panel title="Sequence tree">
              <SequenceTreeView tree={tree} current={currentIds} />
            </Panel>
          </PanelErrorBoundary>
        ) : null}
      </div>
      <div className="space-y-3 lg:col-start-2 lg:row-start-1">
        <PanelErrorBoundary name="the saved sequences">
          <SavedSequencesPanel sequenceLoaded={loaded} running={running} />
        </PanelErrorBoundary>
        <PanelErrorBoundary name="the sequence builder">
          <BuilderPanel sequenceLoaded={loaded} running={running} />
        </PanelErrorBoundary>
      </div>
    </div>
  );
}
