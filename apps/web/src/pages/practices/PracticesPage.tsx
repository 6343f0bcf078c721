import type { Area, Practice } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { mediumDate, percent, scheduleInWords, targetInWords } from '../../practices/lib.ts';
import {
  type PracticeFilter,
  useAreas,
  useInvalidatePractices,
  usePracticeList,
  useToday,
} from '../../practices/queries.ts';
import { practiceColorStyle } from '../../practices/TodayRow.tsx';
import { isoDateIn } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';

const TABS: Array<{ value: PracticeFilter; label: string }> = [
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'archived', label: 'Archived' },
  { value: 'deleted', label: 'Deleted' },
];

export function PracticesPage() {
  const [params] = useSearchParams();
  const raw = params.get('show');
  const tab: PracticeFilter = TABS.some((t) => t.value === raw) ? (raw as PracticeFilter) : 'active';
  const list = usePracticeList(tab);
  const areas = useAreas();
  const today = useToday();
  const strengthOf = new Map((today.data?.items ?? []).map((i) => [i.practice.id, i.strength]));

  return (
    <>
      <PageHeader title="Practices" lead="Your systems: small things you can simply do, checked in each day.">
        <div className="page-actions">
          <Link to="/practices/new" className="button button-primary">
            New practice
          </Link>
        </div>
      </PageHeader>
      <div className="stack">
        <nav aria-label="Show practices" className="tabs">
          {TABS.map((t) => (
            <Link
              key={t.value}
              to={t.value === 'active' ? '/practices' : `/practices?show=${t.value}`}
              className="tab"
              aria-current={t.value === tab ? 'page' : undefined}
            >
              {t.label}
            </Link>
          ))}
        </nav>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorRegion message={errorMessage(list.error)} />
        ) : (
          <PracticeGroups practices={list.data} areas={areas.data ?? []} tab={tab} strengthOf={strengthOf} />
        )}
        {tab === 'active' && areas.data && <AreasCard areas={areas.data} />}
      </div>
    </>
  );
}

function PracticeGroups({
  practices,
  areas,
  tab,
  strengthOf,
}: {
  practices: Practice[];
  areas: Area[];
  tab: PracticeFilter;
  strengthOf: Map<string, number>;
}) {
  if (practices.length === 0) {
    const words: Record<PracticeFilter, string> = {
      active: 'No active practices yet.',
      paused: 'Nothing is paused.',
      archived: 'Nothing archived.',
      deleted: 'Nothing deleted in the last 30 days.',
      all: 'No practices yet.',
    };
    return (
      <Card title={words[tab]}>
        {tab === 'active' ? (
          <p>
            Start with one small, repeatable thing. <Link to="/practices/new">Create your first practice</Link>.
          </p>
        ) : (
          <p className="muted">Practices you {tab === 'paused' ? 'pause' : tab.replace(/d$/, '')} appear here.</p>
        )}
      </Card>
    );
  }
  const groups = [...areas.map((a) => ({ key: a.id, name: a.name })), { key: '', name: 'No area' }]
    .map((g) => ({
      ...g,
      items: practices.filter(
        (p) => (p.areaId ?? '') === g.key || (g.key === '' && !areas.some((a) => a.id === p.areaId)),
      ),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <>
      {groups.map((g) => (
        <Card key={g.key || 'none'} title={g.name} className="practice-group">
          <ul className="practice-list">
            {g.items.map((p) => (
              <PracticeListItem key={p.id} practice={p} strength={strengthOf.get(p.id)} />
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}

function PracticeListItem({ practice: p, strength }: { practice: Practice; strength: number | undefined }) {
  const invalidate = useInvalidatePractices();
  const restore = useMutation({ mutationFn: () => api.practices.restore(p.id), onSuccess: invalidate });
  const target = targetInWords(p);
  // Instants as dates in the person's own zone (not the browser's, not UTC).
  const zone = useMe().data?.timeZone ?? 'UTC';
  const day = (instant: string) => mediumDate(isoDateIn(instant, zone));
  return (
    <li className="practice-item" style={practiceColorStyle(p.color)}>
      <span className="practice-dot" aria-hidden="true" />
      <div className="practice-item-main">
        <Link to={`/practices/${p.id}`} className="practice-item-name">
          {p.name}
        </Link>
        <span className="practice-item-meta">
          {scheduleInWords(p.schedule.frequency)}
          {target && ` · ${target}`}
          {p.state === 'paused' && ' · paused'}
          {p.state === 'deleted' && p.purgeAfter && ` · removed for good on ${day(p.purgeAfter)}`}
          {p.state === 'archived' && p.archivedAt && ` · archived ${day(p.archivedAt)}`}
        </span>
      </div>
      {strength !== undefined && (
        <span className="strength-badge">
          <span className="visually-hidden">Strength </span>
          {percent(strength)}
        </span>
      )}
      {(p.state === 'deleted' || p.state === 'archived') && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => restore.mutate()}
          disabled={restore.isPending}
        >
          Restore<span className="visually-hidden"> {p.name}</span>
        </button>
      )}
      {restore.isError && <span className="field-error">{errorMessage(restore.error)}</span>}
    </li>
  );
}

function AreasCard({ areas }: { areas: Area[] }) {
  const invalidate = useInvalidatePractices();
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const create = useMutation({
    mutationFn: (n: string) => api.areas.create(n),
    onSuccess: (a) => {
      setName('');
      setStatus(`Area “${a.name}” created.`);
      return invalidate();
    },
  });
  const move = useMutation({
    mutationFn: async ({ index, by }: { index: number; by: -1 | 1 }) => {
      const a = areas[index];
      const b = areas[index + by];
      if (!a || !b) return;
      await api.areas.update(a.id, { position: b.position });
      await api.areas.update(b.id, { position: a.position });
    },
    onSuccess: invalidate,
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  }

  return (
    <Card
      className="areas-card"
      title="Areas"
      description="Areas group practices on Today, in this order (health, work, people…). Removing an area keeps its practices and their history."
    >
      <ErrorRegion message={move.isError ? errorMessage(move.error) : undefined} />
      {areas.length > 0 && (
        <ol className="area-list">
          {areas.map((a, i) => (
            <AreaRow
              key={a.id}
              area={a}
              first={i === 0}
              last={i === areas.length - 1}
              onMove={(by) => move.mutate({ index: i, by })}
              busy={move.isPending}
            />
          ))}
        </ol>
      )}
      <form className="inline-form" onSubmit={onSubmit} noValidate>
        <TextField
          label="New area"
          value={name}
          onChange={(v) => {
            setName(v);
            create.reset();
          }}
          maxLength={LIMITS.nameMax}
          error={create.isError ? (fieldError(create.error, 'name') ?? errorMessage(create.error)) : undefined}
        />
        <button type="submit" className="button button-secondary" disabled={create.isPending || !name.trim()}>
          Add area
        </button>
      </form>
      <StatusRegion className="inline-status">{status}</StatusRegion>
    </Card>
  );
}

function AreaRow({
  area,
  first,
  last,
  onMove,
  busy,
}: {
  area: Area;
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  busy: boolean;
}) {
  const invalidate = useInvalidatePractices();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(area.name);
  const [confirming, setConfirming] = useState(false);
  // Closing the rename form (saved, Cancel or Escape) puts focus back on its Rename button.
  const renameButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const closeRename = () => {
    setEditing(false);
    focusLater(() => renameButton.current);
  };
  const cancelRename = () => {
    closeRename();
    setName(area.name);
    rename.reset();
  };
  const rename = useMutation({
    mutationFn: (n: string) => api.areas.update(area.id, { name: n }),
    onSuccess: () => {
      closeRename();
      return invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.areas.remove(area.id),
    onSuccess: () => {
      setConfirming(false);
      return invalidate();
    },
  });

  return (
    <li className="area-row">
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) rename.mutate(name.trim());
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !rename.isPending) {
              e.preventDefault();
              cancelRename();
            }
          }}
        >
          <TextField
            label={`Rename ${area.name}`}
            value={name}
            onChange={setName}
            maxLength={LIMITS.nameMax}
            autoFocus
            error={rename.isError ? errorMessage(rename.error) : undefined}
          />
          <button type="submit" className="button button-primary button-small" disabled={rename.isPending}>
            Save
          </button>
          <button type="button" className="button button-quiet button-small" onClick={cancelRename}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <span className="area-name">{area.name}</span>
          <span className="area-actions">
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => onMove(-1)}
              disabled={first || busy}
            >
              <span aria-hidden="true">↑</span>
              <span className="visually-hidden">Move {area.name} up</span>
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => onMove(1)}
              disabled={last || busy}
            >
              <span aria-hidden="true">↓</span>
              <span className="visually-hidden">Move {area.name} down</span>
            </button>
            <button
              ref={renameButton}
              type="button"
              className="button button-quiet button-small"
              onClick={() => setEditing(true)}
            >
              Rename<span className="visually-hidden"> {area.name}</span>
            </button>
            <button
              type="button"
              className="button button-danger-outline button-small"
              onClick={() => setConfirming(true)}
            >
              Delete<span className="visually-hidden"> {area.name}</span>
            </button>
          </span>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete the area “${area.name}”?`}
        confirmLabel="Delete area"
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>Its practices stay, with all their history, without an area.</p>
      </ConfirmDialog>
    </li>
  );
}
