import type { ComponentType } from 'react';
import {
  CameraIcon,
  EventsIcon,
  FocusIcon,
  GuidingIcon,
  MountIcon,
  OverviewIcon,
  PolarIcon,
  SequenceIcon,
  SettingsIcon,
  StackIcon,
} from '../components/icons';

export interface NavItem {
  path: string;
  label: string;
  icon: ComponentType;
  /** Shown in the phone's bottom bar; the rest sit behind "More". */
  primary?: boolean;
}

export const navItems: readonly NavItem[] = [
  { path: '/', label: 'Overview', icon: OverviewIcon, primary: true },
  { path: '/mount', label: 'Mount', icon: MountIcon, primary: true },
  { path: '/camera', label: 'Camera', icon: CameraIcon, primary: true },
  { path: '/focus', label: 'Focus', icon: FocusIcon },
  { path: '/guiding', label: 'Guiding', icon: GuidingIcon, primary: true },
  { path: '/polar-alignment', label: 'Polar alignment', icon: PolarIcon },
  { path: '/live-stack', label: 'Live stack', icon: StackIcon },
  { path: '/sequence', label: 'Sequence', icon: SequenceIcon },
  { path: '/events', label: 'Events', icon: EventsIcon },
  { path: '/settings', label: 'Settings', icon: SettingsIcon },
];

/**
 * Whether `pathname` shows the view at `viewPath`: the overview only at `/`, any other view also
 * below its own path. Case-insensitive and tolerant of a trailing slash, like the routes.
 */
export function isViewActive(viewPath: string, pathname: string): boolean {
  const path = pathname.toLowerCase();
  if (viewPath === '/') return path === '/';
  return path === viewPath || path.startsWith(`${viewPath}/`);
}
