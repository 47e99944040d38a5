import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import { Spinner } from '../components/Button';
import { NotFound } from './RouteError';
import { RouteErrorBoundary } from './RouteErrorBoundary';

const lazyView = (load: () => Promise<{ Component: ComponentType }>) => lazy(() => load().then((module) => ({ default: module.Component })));

/** One lazily loaded chunk per view: a phone downloads only what it opens. */
const views: readonly { path: string; View: ComponentType }[] = [
  { path: '/', View: lazyView(() => import('../features/overview/route')) },
  { path: '/mount', View: lazyView(() => import('../features/mount/route')) },
  { path: '/camera', View: lazyView(() => import('../features/camera/route')) },
  { path: '/focus', View: lazyView(() => import('../features/focus/route')) },
  { path: '/guiding', View: lazyView(() => import('../features/guiding/route')) },
  { path: '/polar-alignment', View: lazyView(() => import('../features/polar-alignment/route')) },
  { path: '/live-stack', View: lazyView(() => import('../features/livestack/route')) },
  { path: '/sequence', View: lazyView(() => import('../features/sequence/route')) },
  { path: '/events', View: lazyView(() => import('../features/events/route')) },
  { path: '/settings', View: lazyView(() => import('../features/settings/route')) },
];

function ViewLoading() {
  return (
    <div role="status" className="flex items-center gap-3 p-6 text-muted">
      <Spinner />
      Loading…
    </div>
  );
}

export function ViewRoutes() {
  return (
    <Switch>
      {views.map(({ path, View }) => (
        // The key gives every route its own error boundary: an error stays with the view that caused it.
        <Route key={path} path={path}>
          <RouteErrorBoundary>
            <Suspense fallback={<ViewLoading />}>
              <View />
            </Suspense>
          </RouteErrorBoundary>
        </Route>
      ))}
      <Route key="not-found">
        <NotFound />
      </Route>
    </Switch>
  );
}
