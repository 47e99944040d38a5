import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { CloseIcon, MenuIcon } from '../../components/icons';
import { PanelErrorBoundary } from '../../components/PanelErrorBoundary';
import { Toasts } from '../../components/Toasts';
import { isViewActive, navItems } from '../navigation';
import { SequenceWakeLock } from '../SequenceWakeLock';
import { AlertCentre } from './AlertCentre';
import { ConnectionGate } from './ConnectionGate';
import { ConnectionBadge } from './ConnectionBadge';
import { LinkBanner } from './LinkBanner';
import { NavLink } from './NavLink';
import { NavList } from './NavList';
import { RigSwitcher } from './RigSwitcher';
import { ThemeToggle } from './ThemeToggle';

function Brand() {
  return (
    <div className="flex items-center gap-2 px-3 py-4">
      <img src="/favicon.svg" alt="" className="size-7" />
      <span className="text-lg font-semibold tracking-tight">Skydeck</span>
    </div>
  );
}

/** The shell around the view on screen (`children`): navigation, header, alerts. */
export function AppLayout({ children }: { children: ReactNode }) {
  const [pathname] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDialogElement>(null);
  const current = navItems.find((item) => isViewActive(item.path, pathname));

  useEffect(() => {
    document.title = current ? `${current.label} · Skydeck` : 'Skydeck';
  }, [current]);

  useEffect(() => {
    const dialog = menuRef.current;
    if (!dialog) return;
    if (menuOpen && !dialog.open) dialog.showModal();
    if (!menuOpen && dialog.open) dialog.close();
  }, [menuOpen]);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:p-3">
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh flex-col overflow-y-auto border-r border-border bg-surface lg:flex">
        <Brand />
        <RigSwitcher />
        <nav aria-label="Views" className="px-2 pb-4">
          <NavList items={navItems} />
        </nav>
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-20 flex h-14 items-center gap-2 border-b border-border bg-bg/95 px-2 backdrop-blur sm:px-4">
          <button
            type="button"
            className="inline-flex size-11 items-center justify-center rounded-lg hover:bg-surface-2 lg:hidden"
            aria-label="Open the menu of views"
            onClick={() => setMenuOpen(true)}
          >
            <MenuIcon />
          </button>
          <h1 className="min-w-0 flex-1 truncate text-base font-semibold">{current?.label ?? 'Skydeck'}</h1>
          <ConnectionBadge />
          <AlertCentre />
          <ThemeToggle />
        </header>
        <LinkBanner />
        <main id="main" className="flex-1 p-3 pb-24 sm:p-4 sm:pb-24 lg:pb-6">
          <PanelErrorBoundary name="this view">
            <ConnectionGate>
              {children}
            </ConnectionGate>
          </PanelErrorBoundary>
        </main>
      </div>

      <nav aria-label="Main views" className="fixed inset-x-0 bottom-0 z-20 border-t border-border bg-surface/95 pb-[env(safe-area-inset-bottom)] backdrop-blur lg:hidden">
        <ul className="grid grid-cols-5">
          {navItems
            .filter((item) => item.primary)
            .map(({ path, label, icon: Icon }) => (
              <li key={path}>
                <NavLink
                  path={path}
                  className={(isActive) => `flex min-h-14 flex-col items-center justify-center gap-0.5 text-[11px] ${isActive ? 'text-accent' : 'text-muted'}`}
                >
                  <Icon />
                  {label}
                </NavLink>
              </li>
            ))}
          <li>
            <button type="button" onClick={() => setMenuOpen(true)} className="flex min-h-14 w-full flex-col items-center justify-center gap-0.5 text-[11px] text-muted">
              <MenuIcon />
              More
            </button>
          </li>
        </ul>
      </nav>

      <Toasts />
      <SequenceWakeLock />

      <dialog
        ref={menuRef}
        aria-label="All views"
        onClose={() => setMenuOpen(false)}
        onClick={(event) => {
          if (event.target === event.currentTarget) setMenuOpen(false);
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-border bg-surface p-0 text-fg backdrop:bg-black/60"
      >
        <div className="flex items-center justify-between pr-2">
          <Brand />
          <button type="button" aria-label="Close the menu" className="inline-flex size-11 items-center justify-center rounded-lg hover:bg-surface-2" onClick={() => setMenuOpen(false)}>
            <CloseIcon />
          </button>
        </div>
        <RigSwitcher />
        <nav aria-label="All views" className="px-2 pb-4">
          <NavList items={navItems} onNavigate={() => setMenuOpen(false)} />
        </nav>
      </dialog>
    </div>
  );
}
