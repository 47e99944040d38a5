import { OverviewView } from './OverviewView';

export function Component() {
  return <OverviewView />;
}
