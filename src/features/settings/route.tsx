import { SettingsView } from './SettingsView';

export function Component() {
  return <SettingsView />;
}
