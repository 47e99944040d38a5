import { PolarAlignmentView } from './PolarAlignmentView';

export function Component() {
  return <PolarAlignmentView />;
}
