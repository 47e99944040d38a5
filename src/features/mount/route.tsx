import { MountView } from './MountView';

export function Component() {
  return <MountView />;
}
