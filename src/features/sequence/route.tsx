import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Sequence"
      summary="Launch a saved sequence, or build a target sequence here, and follow it as it runs."
      items={[
        'Saved sequences: load, start, stop, reset and skip the current item',
        'A target builder: coordinates, centering, cooling, guiding, autofocus and an exposure plan per filter',
        'The running sequence with each item’s status',
      ]}
    />
  );
}
