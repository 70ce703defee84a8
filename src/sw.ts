/// <reference lib="webworker" />
// The service worker (built by vite-plugin-pwa's injectManifest, vite.config.ts). It only
// precaches: every file the app needs is in the build's list, versioned by a content hash
// (in the file name under assets/, as a Workbox revision for the rest).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

// 'prompt': a new build waits until the person accepts it in the page (UpdatePrompt), so that
// one page never mixes two builds' files.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first visit is controlled at once, so its own requests already come from the cache.
clientsClaim();
cleanupOutdatedCaches();
// The map reads its tile archive (*.pmtiles) by range requests; the precache holds the whole file, so
// a range is cut from it (206), offline too. Registered first: the first matching route answers.
registerRoute(
  ({ request, url }) => url.pathname.endsWith('.pmtiles') && request.headers.has('range'),
  async ({ request }) => {
    const whole = await matchPrecache(request.url);
    return whole ? createPartialResponse(request, whole) : fetch(request);
  },
);
// The app's state lives in the query (?lang=…&sel=…): any query is the same index.html. No
// catch-all route: a path that is not one of the app's files (robots.txt, …) goes to the host.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
