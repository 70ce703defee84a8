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
  let registration: ServiceWorkerRegistration | undefined;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => useServiceWorker.setState({ updateWaiting: true }),
    onRegisteredSW: (_url, r) => {
      if (!r) return;
      registration = r;
      setInterval(() => {
        if (navigator.onLine && r.installing == null) void r.update();
      }, UPDATE_CHECK_MS);
    },
  });
  const reload = () => window.location.reload();
  useServiceWorker.setState({
    applyUpdate: async () => {
      // Another tab may have accepted the new build already: it controls this page too, so reload.
      if (registration && !registration.waiting) return reload();
      // Reload once the new build controls the page. Listened for here: workbox-window's own
      // 'controlling' event (which vite-plugin-pwa reloads on) does not come when the new build
      // was found by the browser's update check on a reload rather than by this page's register
      // call, and the button then did nothing (seen in CI).
      navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
      await update(true);
    },
  });
}
