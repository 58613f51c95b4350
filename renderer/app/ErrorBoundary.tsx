import { Component, type ErrorInfo, type ReactNode } from 'react';
import { en } from '../i18n/en.ts';
import { vi } from '../i18n/vi.ts';

type State = Readonly<{ failed: boolean }>;

/**
 * The last line of defence for a rendering bug. It sits outside the language provider (which may be what
 * failed), so it speaks both languages, Vietnamese first. Nothing here touches saved data.
 */
export class ErrorBoundary extends Component<Readonly<{ children: ReactNode }>, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The screen failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="crash" role="alert" data-testid="crash-screen">
        {[vi, en].map((messages, index) => (
          <section key={index} lang={index === 0 ? 'vi' : 'en'} className="crash__section">
            <h1 className="crash__title">{messages['error.boundary.title']}</h1>
            <p>{messages['error.boundary.body']}</p>
          </section>
        ))}
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {vi['error.boundary.reload']} / {en['error.boundary.reload']}
        </button>
      </main>
    );
  }
}
