import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { isViewActive } from '../navigation';

/** A link to a view that says whether that view is on screen, to the eye and to screen readers. */
export function NavLink({
  path,
  className,
  onClick,
  children,
}: {
  path: string;
  className: (isActive: boolean) => string;
  onClick?: () => void;
  children: ReactNode;
}) {
  const [pathname] = useLocation();
  const active = isViewActive(path, pathname);
  return (
    <Link href={path} onClick={onClick} aria-current={active ? 'page' : undefined} className={className(active)}>
      {children}
    </Link>
  );
}
