import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyEarlyUrlState } from './state/url-sync.ts';

// The link's language and map view, before anything renders: the map is created with them.
applyEarlyUrlState();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
