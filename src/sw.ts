/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest, vite.config.ts). It only
// precaches: every file the app needs is in the build's list, versioned by a content hash
// (in the file name under assets/, as a Workbox revision for the rest).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope;

// 'prompt': a new build waits until the person accepts it in the page (UpdatePrompt), so that
// one page never mixes two builds' files.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first visit is controlled at once, so its own requests already come from the cache.
clientsClaim();
cleanupOutdatedCaches();
// The app's state lives in the query (?lang=…&sel=…): any query is the same index.html. No
// catch-all route: a path that is not one of the app's files (robots.txt, …) goes to the host.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
