import { SequenceView } from './SequenceView';

export function Component() {
  return <SequenceView />;
}
