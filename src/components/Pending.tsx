// What a panel shows while a part of the data it needs is still on its way, or why it did not come.
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from '../state/use-i18n.ts';

export function Pending({
  error,
  loading,
  failed,
  inline,
  onRetry,
}: {
  error: string | null;
  loading: MessageKey;
  failed: MessageKey;
  /** Within a line of text (a span), not a paragraph of its own. */
  inline?: boolean;
  /** Offered after a failure: ask again (the network may be back). */
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  const Tag = inline ? 'span' : 'p';
  return error ? (
    <Tag className="muted" role="alert">
      {t(failed)} {error}{' '}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </Tag>
  ) : (
    <Tag className="muted" role="status">
      {t(loading)}
    </Tag>
  );
}

/** While a place's texts (its clauses' words, its notes) load. */
export const TextsPending = ({
  error,
  inline,
  onRetry,
}: {
  error: string | null;
  inline?: boolean;
  onRetry?: () => void;
}) => <Pending error={error} loading="textsLoading" failed="textsFailed" inline={inline} onRetry={onRetry} />;

/** While the area outlines load (distances to an area are to its edge). */
export const OutlinesPending = ({ error }: { error: string | null }) => (
  <Pending error={error} loading="outlinesLoading" failed="outlinesFailed" />
);
