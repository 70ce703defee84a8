import { useEffect } from 'react';
import { useI18n } from '../state/use-i18n.ts';
import { afterFirstView } from '../lib/after-first-view.ts';
import { registerServiceWorker, useServiceWorker } from '../lib/service-worker.ts';
import './update-prompt.css';

/**
 * "A new version is available": shown when a newly deployed build has been downloaded by the
 * service worker. Until the person reloads, the page keeps using the build (and the data) it
 * started with. The live region is always in the page so that its message is announced.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const { updateWaiting, applyUpdate, dismissUpdate } = useServiceWorker();
  // The service worker downloads the whole app for offline use: after the first view, not during it.
  useEffect(() => afterFirstView(registerServiceWorker), []);
  return (
    <div className="update-prompt" role="status" aria-live="polite">
      {updateWaiting && (
        <div className="update-prompt__box" data-testid="update-prompt">
          <span>{t('updateAvailable')}</span>
          <button type="button" onClick={() => void applyUpdate()}>
            {t('updateReload')}
          </button>
          <button type="button" onClick={dismissUpdate}>
            {t('updateLater')}
          </button>
        </div>
      )}
    </div>
  );
}
