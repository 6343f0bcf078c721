import type { Chain } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { weekInWords } from '../../discovery/lib.ts';
import { MakePracticeForm, Pill } from '../../discovery/Parts.tsx';
import { discoveryKeys, useChains, useInvalidateDiscovery } from '../../discovery/queries.ts';
import { RecentlyDeleted } from '../../discovery/RecentlyDeleted.tsx';
import { DIRECTION_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { PracticeLink } from '../../practices/PracticeLink.tsx';
import { usePracticeList } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

export function ChainsPage() {
  const chains = useChains();
  const [status, setStatus] = useState('');
  return (
    <>
      <PageHeader
        title="Backwards chains"
        lead="Real backwards planning: start from something small you can do this week, then ask what last week would have needed."
      />
      <StatusRegion>{status}</StatusRegion>
      <div className="stack">
        <LinkTabs label="Directions and chains" tabs={DIRECTION_TABS} current="/chains" />
        <NewChain onDone={setStatus} />
        {chains.isPending ? (
          <Loading />
        ) : chains.isError ? (
          <ErrorRegion message={errorMessage(chains.error)} />
        ) : chains.data.length === 0 ? (
          <p className="empty">No chains yet.</p>
        ) : (
          chains.data.map((c) => <ChainCard key={c.id} chain={c} onDone={setStatus} />)
        )}
        <RecentlyDeleted
          what="chains"
          queryKey={discoveryKeys.deleted('chains')}
          list={() => api.chains.listDeleted()}
          restore={(id) => api.chains.restore(id)}
          label={(c) => c.title ?? c.steps.at(-1)?.text ?? 'A chain'}
        />
      </div>
    </>
  );
}

function NewChain({ onDone }: { onDone: (s: string) => void }) {
  const invalidate = useInvalidateDiscovery();
  const [thisWeek, setThisWeek] = useState('');
  const [title, setTitle] = useState('');
  const [empty, setEmpty] = useState(false);
  const { blocker } = useUnsavedChanges(thisWeek.trim() !== '' || title.trim() !== '');
  const create = useMutation({
    mutationFn: () => api.chains.create({ thisWeek: thisWeek.trim(), title: title.trim() || null }),
    onSuccess: async () => {
      onDone('Chain started.');
      setThisWeek('');
      setTitle('');
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!thisWeek.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    create.mutate();
  }
  return (
    <Card title="Start a chain">
      <UnsavedChangesPrompt blocker={blocker} />
      <form className="form" onSubmit={submit} noValidate>
        <ErrorRegion
          message={create.isError && !fieldError(create.error, 'thisWeek') ? errorMessage(create.error) : undefined}
        />
        <TextField
          label="This week’s small thing"
          value={thisWeek}
          onChange={setThisWeek}
          error={empty ? 'Write one small thing you could do this week.' : fieldError(create.error, 'thisWeek')}
          maxLength={LIMITS.textMax}
          hint="“Run 5 km on Saturday.” “Send the proposal draft to Sam.”"
          autoComplete="off"
        />
        <TextField
          label="Title (optional)"
          value={title}
          onChange={setTitle}
          maxLength={LIMITS.nameMax}
          error={fieldError(create.error, 'title')}
          autoComplete="off"
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Starting…' : 'Start the chain'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function ChainCard({ chain, onDone }: { chain: Chain; onDone: (s: string) => void }) {
  const invalidate = useInvalidateDiscovery();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const stepInput = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const weekStart = useMe().data?.weekStart ?? 'monday';
  const stepById = new Map(chain.steps.map((s) => [s.id, s]));
  const onlyStep = chain.steps.length === 1;
  const add = useMutation({
    mutationFn: () => api.chains.addStep(chain.id, text.trim()),
    onSuccess: async () => {
      onDone('Step added to the week before.');
      setText('');
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    add.mutate();
  }
  const first = chain.steps[chain.steps.length - 1];
  return (
    <Card title={chain.title ?? first?.text ?? 'Chain'} className="chain">
      <ol className="chain-timeline" aria-label="Weeks, oldest first, ending at this week">
        {chain.timeline.map((w) => (
          <li key={w.isoWeek} className={w.isoWeek === chain.thisWeek ? 'chain-week is-this-week' : 'chain-week'}>
            <p className="chain-week-label">
              {weekInWords(w.isoWeek, weekStart)}
              {w.isoWeek === chain.thisWeek && <Pill tone="good">This week</Pill>}
            </p>
            {w.steps.length === 0 ? (
              <p className="field-hint">Nothing planned.</p>
            ) : (
              <ul className="chain-steps">
                {w.steps.map((sid) => {
                  const step = stepById.get(sid);
                  return step ? (
                    <Step
                      key={sid}
                      chain={chain}
                      step={step}
                      removable={!onlyStep}
                      onDone={onDone}
                      // The removed step's button is gone: continue from the chain's "add a step" field.
                      onRemoved={() => focusLater(() => stepInput.current)}
                    />
                  ) : null;
                })}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={submit} noValidate>
        <ErrorRegion message={add.isError && !fieldError(add.error, 'text') ? errorMessage(add.error) : undefined} />
        <TextField
          label={chain.question}
          value={text}
          onChange={setText}
          error={empty ? 'Write one thing first.' : fieldError(add.error, 'text')}
          maxLength={LIMITS.textMax}
          autoComplete="off"
          inputRef={stepInput}
        />
        <button type="submit" className="button button-secondary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to the week before'}
        </button>
      </form>
      <div className="card-footer-actions">
        <DeleteButton
          small
          label="Delete chain"
          title="Delete this chain?"
          explanation={
            <p>
              Its steps go with it to “Recently deleted” below, where you can restore it. Practices made from them stay.
            </p>
          }
          remove={(confirm) => api.chains.remove(chain.id, { confirm })}
          onDeleted={async () => {
            onDone('Chain deleted.');
            await invalidate();
          }}
        />
      </div>
    </Card>
  );
}

function Step({
  chain,
  step,
  removable,
  onDone,
  onRemoved,
}: {
  chain: Chain;
  step: Chain['steps'][number];
  /** False for a chain's only step: a chain keeps at least one (delete the chain instead). */
  removable: boolean;
  onDone: (s: string) => void;
  onRemoved: () => void;
}) {
  const invalidate = useInvalidateDiscovery();
  const practice = usePracticeList('all').data?.find((p) => p.id === step.practiceId);
  const [making, setMaking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.chains.removeStep(chain.id, step.id),
    onSuccess: async (updated) => {
      qc.setQueryData<Chain[]>(discoveryKeys.chains, (list) => list?.map((c) => (c.id === updated.id ? updated : c)));
      setConfirming(false);
      onDone(`Step “${step.text}” removed.`);
      onRemoved();
      await invalidate();
    },
  });
  const removeButton = removable && (
    <button
      type="button"
      className="button button-danger-outline button-small"
      onClick={() => {
        remove.reset();
        setConfirming(true);
      }}
    >
      Remove<span className="visually-hidden"> step: {step.text}</span>
    </button>
  );
  const make = useMutation({
    mutationFn: (input: { name: string; frequency: Parameters<typeof api.chains.stepToPractice>[2]['frequency'] }) =>
      api.chains.stepToPractice(chain.id, step.id, {
        frequency: input.frequency,
        ...(input.name ? { name: input.name } : {}),
      }),
    onSuccess: async (r) => {
      setMaking(false);
      onDone(`Practice “${r.practice.name}” created.`);
      await invalidate();
    },
  });
  const update = useMutation({
    mutationFn: (patch: { task?: boolean; done?: boolean }) => api.chains.updateStep(chain.id, step.id, patch),
    onSuccess: async () => {
      await invalidate();
    },
  });
  return (
    <li className="chain-step">
      <p className="item-title-text">
        {step.text} {step.kind === 'task' && <Pill>{step.done ? 'Done' : 'Task'}</Pill>}
      </p>
      <ErrorRegion message={update.isError ? errorMessage(update.error) : undefined} />
      {step.kind === 'practice' && step.practiceId ? (
        <span className="row-actions">
          <span className="item-meta">
            {practice ? (
              <>
                Became a practice: <PracticeLink practice={practice} />
              </>
            ) : (
              <>
                Became a <Link to={`/practices/${step.practiceId}`}>practice</Link>
              </>
            )}
          </span>
          {removeButton}
        </span>
      ) : making ? (
        <MakePracticeForm
          defaultName={step.text}
          busy={make.isPending}
          error={make.error}
          onSubmit={(input) => make.mutate(input)}
          onCancel={() => setMaking(false)}
        />
      ) : (
        <span className="row-actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setMaking(true)}>
            Make it a practice<span className="visually-hidden">: {step.text}</span>
          </button>
          {step.kind === 'task' ? (
            <button
              type="button"
              className="button button-quiet button-small"
              aria-pressed={step.done}
              onClick={() => update.mutate({ done: !step.done })}
            >
              Done<span className="visually-hidden">: {step.text}</span>
            </button>
          ) : (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => update.mutate({ task: true })}
            >
              Make it a task for its week<span className="visually-hidden">: {step.text}</span>
            </button>
          )}
          {removeButton}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title="Remove this step?"
        confirmLabel="Remove step"
        busyLabel="Removing…"
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          “{step.text}” leaves the chain; the other steps keep their weeks.
          {step.practiceId ? ' The practice made from it stays, with its history.' : ''}
        </p>
      </ConfirmDialog>
    </li>
  );
}
