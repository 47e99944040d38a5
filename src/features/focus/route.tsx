import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Focus"
      summary="Focuser control and autofocus you can follow point by point."
      items={[
        'Focuser position and temperature; move to a position or step in and out',
        'Start and cancel autofocus and watch the V-curve fill as each point arrives',
        'The last run’s fitted curve, chosen position, R², temperature and filter',
        'A history of the night’s runs to see focus drift with temperature',
      ]}
    />
  );
}
