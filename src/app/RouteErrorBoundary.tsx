import { Component, type ErrorInfo, type ReactNode } from 'react';
import { RouteError } from './RouteError';

interface State {
  error?: unknown;
}

/**
 * Shows RouteError instead of what failed: a view's chunk that would not load, or a view that
 * threw while rendering. Mounted once per route, so the next view starts without the error.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[skydeck] route error', error, info.componentStack);
  }

  render() {
    return 'error' in this.state ? <RouteError error={this.state.error} /> : this.props.children;
  }
}
