import { FocusView } from './FocusView';

export function Component() {
  return <FocusView />;
}
