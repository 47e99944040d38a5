import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Guiding"
      summary="A guide graph the way PHD2 users read it."
      items={[
        'RA (blue) and Dec (red) errors with corrections, dither markers and a px / arcsec toggle',
        'RMS and peaks over the visible window',
        'Start, start with calibration, stop and clear calibration',
        'An alert when guiding stops or loses the star during a sequence',
      ]}
    />
  );
}
