/// <reference types="vite-plugin-pwa/vanillajs" />
// Registers the service worker of the built app (vite.config.ts: precache of the shell, the
// dataset, the documents and the basemap) and tells the UI when a new build is waiting. In the dev
// server the virtual module is a no-op: there is no service worker there.
import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';

interface ServiceWorkerState {
  /** A new build is installed and waits for the person to accept it. */
  updateWaiting: boolean;
  /** Activates the waiting build; the page then reloads into it. */
  applyUpdate: () => Promise<void>;
  dismissUpdate: () => void;
}

export const useServiceWorker = create<ServiceWorkerState>()((set) => ({
  updateWaiting: false,
  applyUpdate: async () => {},
  dismissUpdate: () => set({ updateWaiting: false }),
}));

/** A tab left open for days still learns of a new deployment. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered = false;

export function registerServiceWorker(): void {
  if (registered) return;
  registered = true;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => useServiceWorker.setState({ updateWaiting: true }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine && registration.installing == null) void registration.update();
      }, UPDATE_CHECK_MS);
    },
  });
  useServiceWorker.setState({ applyUpdate: () => update(true) });
}
