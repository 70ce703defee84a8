import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the panel; receives the error message. */
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}

/** Keeps one failing panel from taking down the rest of the app. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error('Panel failed:', error);
  }

  render() {
    if (this.state.error) return this.props.fallback(this.state.error.message);
    return this.props.children;
  }
}
