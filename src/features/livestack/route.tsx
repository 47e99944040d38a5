import { PlannedView } from '../../components/PlannedView';

export function Component() {
  return (
    <PlannedView
      title="Live stack"
      summary="The stack growing as the night goes on."
      items={[
        'Start and stop live stacking',
        'A tile per target and filter with its latest stacked image, refreshed only when NINA stacks a new frame',
        'Frame counts and integration time per filter',
      ]}
    />
  );
}
