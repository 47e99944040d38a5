import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './Button';

interface Props {
  /** What this part of the screen is, for the message ("the camera card"). */
  name: string;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * A failure inside one panel stays inside that panel: the rest of the dashboard keeps running
 * and the user can try the panel again.
 */
export class PanelErrorBoundary extends Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[skydeck] ${this.props.name} crashed`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="rounded-xl border border-bad/40 bg-bad/10 p-4 text-sm">
        <p className="font-medium text-bad">Skydeck could not show {this.props.name}.</p>
        <p className="mt-1 break-words text-muted">{error.message}</p>
        <Button className="mt-3" onClick={() => this.setState({ error: undefined })}>
          Try again
        </Button>
      </div>
    );
  }
}
