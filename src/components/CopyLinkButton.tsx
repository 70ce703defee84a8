// Copies a link (by default the address, which holds the whole view) and says so where a person
// and a screen reader both see it. Where the clipboard is refused (no permission, not HTTPS) the
// link is shown selected, to copy by hand.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../state/use-i18n.ts';
import './copy-link.css';

export function CopyLinkButton({ link = () => window.location.href, label }: { link?: () => string; label?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ status: 'idle' } | { status: 'copied' } | { status: 'manual'; text: string }>({
    status: 'idle',
  });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.status === 'manual') field.current?.select();
    if (state.status !== 'copied') return;
    const timer = setTimeout(() => setState({ status: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const text = link();
    try {
      await navigator.clipboard.writeText(text);
      setState({ status: 'copied' });
    } catch {
      setState({ status: 'manual', text });
    }
  };

  return (
    <span className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {label ?? t('copyLink')}
      </button>
      <span role="status" className="copy-link__status">
        {state.status === 'copied' && <>✓ {t('linkCopied')}</>}
        {state.status === 'manual' && t('copyFailed')}
      </span>
      {state.status === 'manual' && (
        <input ref={field} className="copy-link__field" readOnly value={state.text} aria-label={t('copyLink')} />
      )}
    </span>
  );
}
