// One switch for "on the shortlist", wherever a place is shown (its panel, a result row, the map's
// chooser): it reads and writes the shared store, so every copy agrees. Its name is the same
// everywhere ("Add to shortlist", pressed or not); the place is the row or panel it sits in, and
// its tooltip.
import { MAX_SHORTLIST } from '../state/model.ts';
import { useAppStore } from '../state/store.ts';
import { useI18n } from '../state/use-i18n.ts';
import './shortlist-toggle.css';

export function ShortlistToggle({
  id,
  name,
  labelled = false,
  inList = false,
}: {
  id: string;
  name: string;
  labelled?: boolean;
  /** In the result list, which is one tab stop: out of the tab order (the place's panel has it too). */
  inList?: boolean;
}) {
  // One subscription per toggle (a result list holds fifty): on the list, or off with room or without.
  const state = useAppStore((s) =>
    s.shortlist.includes(id) ? 'on' : s.shortlist.length >= MAX_SHORTLIST ? 'full' : 'off',
  );
  const { t } = useI18n();
  const on = state === 'on';
  const disabled = state === 'full';
  return (
    <button
      type="button"
      className={`shortlist-toggle${labelled ? ' shortlist-toggle--labelled' : ''}`}
      aria-pressed={on}
      aria-label={t('shortlistAdd')}
      title={
        disabled ? t('shortlistFull', { n: MAX_SHORTLIST }) : `${on ? t('shortlistAdded') : t('shortlistAdd')}: ${name}`
      }
      disabled={disabled}
      data-shortlist-id={id}
      tabIndex={inList ? -1 : undefined}
      onClick={() => useAppStore.getState().toggleShortlist(id)}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
      {/* The same words pressed or not (the star and the pressed look tell which), so that the
          name a person reads is the name a voice command or a screen reader uses. */}
      {labelled && <span aria-hidden="true">{t('shortlistAdd')}</span>}
    </button>
  );
}
