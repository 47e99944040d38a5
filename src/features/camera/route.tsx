import { CameraView } from './CameraView';

export function Component() {
  return <CameraView />;
}
