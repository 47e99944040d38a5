import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Camera"
      summary="Take frames and look at them."
      items={[
        'Exposure, gain, offset, binning, filter and frame type, with a progress bar and abort',
        'A fast image viewer with pinch zoom, NINA’s stretch options and the frame’s statistics',
        'Cooling and warming with the sensor temperature and cooler power',
        'The image history and an HFR chart over the night',
      ]}
    />
  );
}
