import { useI18n } from '../state/use-i18n.ts';
import { useAppStore } from '../state/store.ts';
import './notices.css';

export function Notices() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const { t } = useI18n();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n, i) => (
        <div className="notice" key={n}>
          <span>{n}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label={t('dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
