// First: configures zod before the contract's schemas are created (see the module).
import './zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCoreClient } from '../core-client/core-client.ts';
import { CoreProvider } from '../core-client/CoreProvider.tsx';
import { App } from './App.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { pickTransport } from './pick-transport.ts';
// A plain stylesheet, emitted as a file: the CSP allows no inline <style>.
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = createCoreClient(pickTransport());

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <CoreProvider client={client}>
        <App />
      </CoreProvider>
    </ErrorBoundary>
  </StrictMode>,
);
