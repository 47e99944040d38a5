import { EventsView } from './EventsView';

export function Component() {
  return <EventsView />;
}
