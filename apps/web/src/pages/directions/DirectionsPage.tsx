import { LIMITS } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { TextArea } from '../../discovery/Parts.tsx';
import { discoveryKeys, useDirections, useExperiments, useInvalidateDiscovery } from '../../discovery/queries.ts';
import { RecentlyDeleted } from '../../discovery/RecentlyDeleted.tsx';
import { DIRECTION_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

export function DirectionsPage() {
  const directions = useDirections();
  const experiments = useExperiments();
  const running = new Map<string, string>();
  for (const e of experiments.data ?? []) if (!e.verdict) running.set(e.directionId, e.hypothesis);

  return (
    <>
      <PageHeader
        title="Directions"
        lead="Identity first: the kind of person you want to be, and what such a person would do this week."
      />
      <div className="stack">
        <LinkTabs label="Directions and chains" tabs={DIRECTION_TABS} current="/directions" />
        <NewDirection />
        <Card title="Your directions">
          {directions.isPending ? (
            <Loading />
          ) : directions.isError ? (
            <ErrorRegion message={errorMessage(directions.error)} />
          ) : directions.data.length === 0 ? (
            <p className="empty">
              No directions yet. Start with one sentence above, like “someone who runs” or “someone who writes every
              day”.
            </p>
          ) : (
            <ul className="item-list">
              {directions.data.map((d) => {
                const practices = d.answers.filter((a) => a.practiceId).length;
                const now = running.get(d.id);
                return (
                  <li key={d.id} className="item">
                    <Link to={`/directions/${d.id}`} className="item-title">
                      {d.name}
                    </Link>
                    <p className="item-meta">
                      {d.answers.length} {d.answers.length === 1 ? 'answer' : 'answers'} · {practices}{' '}
                      {practices === 1 ? 'practice' : 'practices'}
                      {now ? ` · experiment running: ${now}` : ''}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
        <RecentlyDeleted
          what="directions"
          queryKey={discoveryKeys.deleted('directions')}
          list={() => api.directions.listDeleted()}
          restore={(id) => api.directions.restore(id)}
          label={(d) => d.name}
        />
      </div>
    </>
  );
}

function NewDirection() {
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { blocker, release } = useUnsavedChanges(name.trim() !== '' || description.trim() !== '');
  const create = useMutation({
    mutationFn: () => api.directions.create({ name: name.trim(), description: description.trim() || null }),
    onSuccess: async (d) => {
      release();
      await invalidate();
      await navigate(`/directions/${d.id}`);
    },
  });
  const [empty, setEmpty] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setEmpty(true);
      focusLater(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    setEmpty(false);
    create.mutate();
  }
  const nameError = empty ? 'Say the kind of person you want to be.' : fieldError(create.error, 'name');
  return (
    <Card title="New direction" description="Not a destination: a kind of person you want to become.">
      <UnsavedChangesPrompt blocker={blocker} />
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorRegion
          message={create.isError && !fieldError(create.error, 'name') ? errorMessage(create.error) : undefined}
        />
        <TextField
          label="The kind of person I want to be"
          value={name}
          onChange={setName}
          error={nameError}
          maxLength={LIMITS.nameMax}
          hint="For example: someone who runs, someone who writes every day, someone who cooks for friends."
          autoComplete="off"
        />
        <TextArea
          label="What draws you to it (optional)"
          value={description}
          onChange={setDescription}
          error={fieldError(create.error, 'description')}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create direction'}
          </button>
        </div>
      </form>
    </Card>
  );
}
