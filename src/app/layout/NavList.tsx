import type { NavItem } from '../navigation';
import { NavLink } from './NavLink';

export function NavList({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  return (
    <ul className="flex flex-col gap-1">
      {items.map(({ path, label, icon: Icon }) => (
        <li key={path}>
          <NavLink
            path={path}
            onClick={onNavigate}
            className={(isActive) =>
              `flex min-h-11 items-center gap-3 rounded-lg px-3 text-sm ${isActive ? 'bg-surface-2 font-medium text-fg' : 'text-muted hover:bg-surface-2 hover:text-fg'}`
            }
          >
            <Icon />
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
