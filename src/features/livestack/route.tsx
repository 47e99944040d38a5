import { LiveStackView } from './LiveStackView';

export function Component() {
  return <LiveStackView />;
}
