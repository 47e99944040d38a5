import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Mount"
      summary="Where the telescope points, and a hold-to-jog pad built to always stop."
      items={[
        'RA/Dec and Alt/Az, pier side, tracking mode and time to the meridian flip, refreshed every second while visible',
        'Slew to typed coordinates (sexagesimal or decimal), slew and center, stop',
        'Park, unpark, home, tracking mode, flip and sync, each showing NINA’s answer',
        'A north/south/east/west pad that moves while held and stops on release, on lost focus and on a lost link',
      ]}
    />
  );
}
