import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Polar alignment"
      summary="Three-point polar alignment you can read from a metre away, phone in one hand, the other on the knobs."
      items={[
        'All of TPPA’s options, with start, pause, resume and stop',
        'A bullseye with the current error, rings at your tolerance, and a trail of earlier readings',
        'Big arrows saying which knob to turn, which way and by how much, right in both hemispheres',
        'A chart of the error converging as you adjust',
      ]}
    />
  );
}
