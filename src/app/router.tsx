import { createBrowserRouter } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { NotFound, RouteError } from './RouteError';

/** One lazily loaded chunk per view: a phone downloads only what it opens. */
export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, lazy: () => import('../features/overview/route') },
      { path: 'mount', lazy: () => import('../features/mount/route') },
      { path: 'camera', lazy: () => import('../features/camera/route') },
      { path: 'focus', lazy: () => import('../features/focus/route') },
      { path: 'guiding', lazy: () => import('../features/guiding/route') },
      { path: 'polar-alignment', lazy: () => import('../features/polar-alignment/route') },
      { path: 'live-stack', lazy: () => import('../features/livestack/route') },
      { path: 'sequence', lazy: () => import('../features/sequence/route') },
      { path: 'events', lazy: () => import('../features/events/route') },
      { path: 'settings', lazy: () => import('../features/settings/route') },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
