import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { errorMessage } from '../api.ts';
import { mediumDate } from '../practices/lib.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alerts.tsx';
import { Card } from '../ui/Card.tsx';
import { asSentence } from '../ui/sentence.ts';
import { useInvalidateDiscovery } from './queries.ts';

interface Deleted {
  id: string;
  deletedAt: string | null;
}

/**
 * "Recently deleted" on a discovery list page: the deleted (soft) items, most recently deleted first, each with
 * a Restore button. Deleted discovery items are kept, never purged; nothing shows while there are none.
 */
export function RecentlyDeleted<T extends Deleted>({
  what,
  queryKey,
  list,
  restore,
  label,
}: {
  /** Plural, lower case: "directions". */
  what: string;
  /** Under the feature's root key, so the feature's invalidation refreshes it: ['directions', 'deleted']. */
  queryKey: readonly unknown[];
  list: () => Promise<T[]>;
  restore: (id: string) => Promise<unknown>;
  label: (item: T) => string;
}) {
  const deleted = useQuery({ queryKey, queryFn: list });
  const [restored, setRestored] = useState<{ id: string; name: string } | null>(null);
  const cardId = useId();
  if (deleted.isError) {
    return (
      <Card title="Recently deleted">
        <ErrorRegion message={errorMessage(deleted.error)} />
      </Card>
    );
  }
  const items = deleted.data ?? [];
  if (items.length === 0 && !restored) return null;
  return (
    <Card
      id={cardId}
      title="Recently deleted"
      className="recently-deleted"
      description={`Deleted ${what} are kept, hidden. Restore one to bring it back as it was.`}
    >
      <StatusRegion>
        {/* Said once the list no longer shows it (the lists refresh just after the restore). */}
        {restored && !items.some((i) => i.id === restored.id) && (
          <p className="alert alert-info">{asSentence(`Restored “${restored.name}”`)}</p>
        )}
      </StatusRegion>
      {items.length === 0 ? (
        <p className="empty">Nothing else deleted.</p>
      ) : (
        <ul className="item-list">
          {items.map((item) => (
            <DeletedItem
              key={item.id}
              name={label(item)}
              deletedAt={item.deletedAt}
              restore={() => restore(item.id)}
              onRestored={() => {
                setRestored({ id: item.id, name: label(item) });
                // The button goes away with the item: keep keyboard focus in this section.
                document.getElementById(cardId)?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function DeletedItem({
  name,
  deletedAt,
  restore,
  onRestored,
}: {
  name: string;
  deletedAt: string | null;
  restore: () => Promise<unknown>;
  onRestored: () => void;
}) {
  const invalidate = useInvalidateDiscovery();
  const mutation = useMutation({
    mutationFn: restore,
    onSuccess: async () => {
      onRestored();
      await invalidate();
    },
  });
  return (
    <li className="item deleted-item">
      <div className="deleted-item-main">
        <p className="item-title-text">{name}</p>
        {deletedAt && <p className="item-meta">Deleted {mediumDate(deletedAt.slice(0, 10))}</p>}
      </div>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending}
      >
        {mutation.isPending ? 'Restoring…' : 'Restore'}
        <span className="visually-hidden"> {name}</span>
      </button>
      <ErrorRegion message={mutation.isError ? errorMessage(mutation.error) : undefined} />
    </li>
  );
}
