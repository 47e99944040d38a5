import { GuidingView } from './GuidingView';

export function Component() {
  return <GuidingView />;
}
