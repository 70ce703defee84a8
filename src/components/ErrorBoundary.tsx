import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the panel; receives the error message. */
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** The children that failed; when the app renders the panel anew, it is tried again. */
  failed: { children: ReactNode } | null;
}

/**
 * Keeps one failing panel from taking down the rest of the app. A failed panel is tried again when
 * the app renders it anew (another place selected, another language), so one broken record does
 * not disable the panel for good.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, failed: null };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error, failed: null };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (!state.error) return null;
    if (!state.failed) return { failed: { children: props.children } };
    if (state.failed.children !== props.children) return { error: null, failed: null };
    return null;
  }

  componentDidCatch(error: Error) {
    console.error('Panel failed:', error);
  }

  render() {
    if (this.state.error) return this.props.fallback(this.state.error.message);
    return this.props.children;
  }
}
