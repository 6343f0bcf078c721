import type { CreatePractice, FrequencyDto, Practice, UpdatePractice } from '@tack/contracts';
import { frequencySchema, LIMITS, type Weekday } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { Choice, ColorSwatches, FrequencyFields } from '../../practices/FormParts.tsx';
import {
  fieldSentence,
  formatAmount,
  frequencyFrom,
  longDate,
  mediumDate,
  PRACTICE_COLORS,
  parseAmount,
  targetWindowDays,
} from '../../practices/lib.ts';
import { useAreas, useInvalidatePractices, usePractice, useToday } from '../../practices/queries.ts';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

interface FormState {
  name: string;
  description: string;
  why: string;
  areaId: string;
  color: string;
  kind: 'boolean' | 'measurable';
  unit: string;
  target: string;
  targetType: 'atLeast' | 'atMost';
  cue: string;
  action: string;
  freqKind: FrequencyDto['kind'];
  times: string;
  days: string;
  weekdays: Weekday[];
  everyDays: string;
}

function initialState(p: Practice | undefined): FormState {
  const f = p?.schedule.frequency;
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    why: p?.why ?? '',
    areaId: p?.areaId ?? '',
    color: p?.color ?? PRACTICE_COLORS[0]?.value ?? '#1f7a8c',
    kind: p?.kind ?? 'boolean',
    unit: p?.unit ?? '',
    target: p?.target === null || p?.target === undefined ? '' : formatAmount(p.target),
    targetType: p?.targetType ?? 'atLeast',
    cue: p?.ifThen?.cue ?? '',
    action: p?.ifThen?.action ?? '',
    freqKind: f?.kind ?? 'times',
    times: f?.kind === 'times' ? String(f.times) : '1',
    days: f?.kind === 'times' ? String(f.days) : '1',
    weekdays: f?.kind === 'weekdays' ? f.weekdays : ['monday', 'thursday'],
    everyDays: f?.kind === 'interval' ? String(f.everyDays) : '2',
  };
}

/** How each field is named in its messages: "Times must be at least 1." */
const FIELD_NAMES: Record<string, string> = {
  name: 'The name',
  description: 'The description',
  why: 'Why it matters',
  areaId: 'The area',
  color: 'The colour',
  unit: 'The unit',
  target: 'The amount',
  targetType: 'The target',
  'ifThen.cue': 'The “If…” part',
  'ifThen.action': 'The “…then” part',
  'frequency.times': 'Times',
  'frequency.days': 'Days',
  'frequency.weekdays': 'Weekdays',
  'frequency.everyDays': 'Every how many days',
  'schedule.effectiveFrom': 'The date',
};

export function NewPracticePage() {
  return <PracticeForm />;
}

export function EditPracticePage() {
  const { id = '' } = useParams();
  const practice = usePractice(id);
  if (!practice.data) return <QueryState title="Edit practice" query={practice} />;
  return <PracticeForm key={practice.data.id} practice={practice.data} />;
}

function PracticeForm({ practice }: { practice?: Practice }) {
  const navigate = useNavigate();
  const invalidate = useInvalidatePractices();
  const areas = useAreas();
  const today = useToday().data?.date;
  const [initial] = useState<FormState>(() => initialState(practice));
  const [s, setS] = useState<FormState>(initial);
  const [effectiveFrom, setEffectiveFrom] = useState<string>();
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const id = useId();
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setS((prev) => ({ ...prev, [key]: value }));

  const frequency = frequencyFrom(s);
  const scheduleChanged =
    !!practice && !!frequency && JSON.stringify(frequency) !== JSON.stringify(practice.schedule.frequency);
  const from = effectiveFrom ?? today;
  // The new schedule cannot start before the practice's own first day.
  const firstDay = practice?.scheduleHistory[0]?.effectiveFrom;
  // Asks before leaving with unsaved changes (not after a save, not when nothing changed).
  const unsaved = useUnsavedChanges(JSON.stringify(s) !== JSON.stringify(initial) || effectiveFrom !== undefined);

  const save = useMutation({
    mutationFn: async (): Promise<Practice> => {
      const ifThen = s.cue.trim() && s.action.trim() ? { cue: s.cue.trim(), action: s.action.trim() } : null;
      const measurable = s.kind === 'measurable';
      const parsedTarget = parseAmount(s.target);
      const target = parsedTarget.ok ? parsedTarget.value : null;
      if (!practice) {
        const input: Partial<CreatePractice> & Pick<CreatePractice, 'name' | 'frequency'> = {
          name: s.name.trim(),
          description: s.description.trim() || null,
          why: s.why.trim() || null,
          areaId: s.areaId || null,
          color: s.color,
          kind: s.kind,
          ifThen,
          frequency: frequency as FrequencyDto,
          ...(measurable ? { unit: s.unit.trim() || null, target, targetType: s.targetType } : {}),
        };
        return api.practices.create(input);
      }
      const patch: UpdatePractice = {
        name: s.name.trim(),
        description: s.description.trim() || null,
        why: s.why.trim() || null,
        areaId: s.areaId || null,
        color: s.color,
        ifThen,
        ...(measurable
          ? { unit: s.unit.trim() || null, ...(target !== null ? { target } : {}), targetType: s.targetType }
          : {}),
        ...(scheduleChanged && frequency && from ? { schedule: { frequency, effectiveFrom: from } } : {}),
      };
      return api.practices.update(practice.id, patch);
    },
    onSuccess: async (p) => {
      await invalidate();
      unsaved.release();
      await navigate(`/practices/${p.id}`);
    },
  });

  const fe = (path: string) => {
    const message = clientErrors[path] ?? fieldError(save.error, path) ?? fieldError(save.error, `schedule.${path}`);
    return message === undefined ? undefined : fieldSentence(FIELD_NAMES[path] ?? 'This field', message);
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!s.name.trim()) errors.name = 'Give the practice a name.';
    if (!frequency) {
      if (s.freqKind === 'weekdays') errors['frequency.weekdays'] = 'Choose at least one weekday.';
      else if (s.freqKind === 'interval') errors['frequency.everyDays'] = 'Enter a whole number of days.';
      else errors['frequency.times'] = 'Enter whole numbers for times and days.';
    } else {
      // The same rules as the server, so each problem shows once, next to its field.
      const checked = frequencySchema.safeParse(frequency);
      for (const issue of checked.success ? [] : checked.error.issues) {
        const path = `frequency.${issue.path.join('.')}`;
        errors[path] ??= issue.message;
      }
    }
    if (scheduleChanged && from && firstDay && from < firstDay)
      errors['schedule.effectiveFrom'] =
        `The new schedule cannot start before the practice’s first day, ${mediumDate(firstDay)}.`;
    const target = parseAmount(s.target);
    if (s.kind === 'measurable') {
      if (!target.ok) errors.target = target.error;
      else if (target.value === null) errors.target = 'A measurable practice needs a target number.';
    }
    if ((s.cue.trim() === '') !== (s.action.trim() === ''))
      errors[s.cue.trim() ? 'ifThen.action' : 'ifThen.cue'] = 'Fill in both parts of the plan, or neither.';
    setClientErrors(errors);
    save.reset();
    if (Object.keys(errors).length > 0) {
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(undefined, {
      onError: () => window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()),
    });
  }

  const knownPaths = [
    'name',
    'description',
    'why',
    'areaId',
    'color',
    'unit',
    'target',
    'targetType',
    'ifThen.cue',
    'ifThen.action',
    'frequency.times',
    'frequency.days',
    'frequency.weekdays',
    'frequency.everyDays',
    'schedule.effectiveFrom',
  ];
  const general = save.isError && !knownPaths.some((p) => fe(p)) ? errorMessage(save.error) : undefined;
  const title = practice ? `Edit ${practice.name}` : 'New practice';

  return (
    <>
      <PageHeader
        title={title}
        lead={practice ? undefined : 'Something small you can simply do. You can change any of it later.'}
      />
      <UnsavedChangesPrompt blocker={unsaved.blocker} />
      <form className="form practice-form" onSubmit={onSubmit} noValidate>
        <ErrorRegion message={general} />
        <Card title="What">
          <div className="form">
            <TextField
              label="Name"
              value={s.name}
              onChange={(v) => set('name', v)}
              error={fe('name')}
              maxLength={LIMITS.nameMax}
              hint="For example: Move 30 minutes, Write 200 words, Call a friend."
              autoComplete="off"
            />
            <TextArea
              label="Description (optional)"
              value={s.description}
              onChange={(v) => set('description', v)}
              error={fe('description')}
            />
            <TextArea
              label="Why it matters (optional)"
              value={s.why}
              onChange={(v) => set('why', v)}
              error={fe('why')}
              hint="A sentence for the days it is hard."
            />
            <div className="field">
              <label htmlFor={`${id}-area`}>Area</label>
              <select id={`${id}-area`} value={s.areaId} onChange={(e) => set('areaId', e.target.value)}>
                <option value="">No area</option>
                {(areas.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
              <p className="field-hint">
                Areas are managed on the <Link to="/practices">Practices</Link> page.
              </p>
            </div>
            <ColorSwatches value={s.color} onChange={(v) => set('color', v)} />
          </div>
        </Card>

        <Card title="How you check it in">
          <div className="form">
            <fieldset className="choice-group">
              <legend>Kind</legend>
              <div className="choice-row">
                <Choice
                  name={`${id}-kind`}
                  checked={s.kind === 'boolean'}
                  onChange={() => set('kind', 'boolean')}
                  label="Yes or no"
                  hint="It happened or it didn’t."
                  disabled={!!practice && practice.kind !== 'boolean'}
                />
                <Choice
                  name={`${id}-kind`}
                  checked={s.kind === 'measurable'}
                  onChange={() => set('kind', 'measurable')}
                  label="An amount"
                  hint="Minutes, pages, glasses…"
                  disabled={!!practice && practice.kind !== 'measurable'}
                />
              </div>
              {practice && <p className="field-hint">The kind cannot change after creation.</p>}
            </fieldset>
            {s.kind === 'measurable' && (
              <div className="field-row">
                <div className="field">
                  <label htmlFor={`${id}-ttype`}>Target</label>
                  <select
                    id={`${id}-ttype`}
                    value={s.targetType}
                    onChange={(e) => set('targetType', e.target.value === 'atMost' ? 'atMost' : 'atLeast')}
                  >
                    <option value="atLeast">At least</option>
                    <option value="atMost">At most</option>
                  </select>
                </div>
                <TextField
                  label="Amount"
                  value={s.target}
                  onChange={(v) => set('target', v)}
                  inputMode="decimal"
                  hint={frequency ? amountHint(targetWindowDays(frequency)) : undefined}
                  error={fe('target')}
                  autoComplete="off"
                />
                <TextField
                  label="Unit"
                  value={s.unit}
                  onChange={(v) => set('unit', v)}
                  maxLength={40}
                  error={fe('unit')}
                  hint="minutes, pages…"
                  autoComplete="off"
                />
              </div>
            )}
          </div>
        </Card>

        <Card
          title="If-then plan (optional)"
          description="Decide in advance when and where: “If it is 7am on a weekday, then I put on my running shoes.”"
        >
          <div className="field-row if-then-fields">
            <TextField
              label="If…"
              value={s.cue}
              onChange={(v) => set('cue', v)}
              error={fe('ifThen.cue')}
              maxLength={LIMITS.textMax}
              autoComplete="off"
            />
            <TextField
              label="…then"
              value={s.action}
              onChange={(v) => set('action', v)}
              error={fe('ifThen.action')}
              maxLength={LIMITS.textMax}
              autoComplete="off"
            />
          </div>
        </Card>

        <Card title="Schedule">
          <FrequencyFields
            value={s}
            onChange={(v) => setS((prev) => ({ ...prev, ...v }))}
            error={fe}
            previewFrom={practice ? from : undefined}
          >
            {scheduleChanged && (
              <div className="field schedule-from">
                <label htmlFor={`${id}-from`}>From which date does the new schedule apply?</label>
                <p className="field-hint" id={`${id}-from-hint`}>
                  Days before it keep the old schedule, so the strength you built so far is kept.
                </p>
                <input
                  id={`${id}-from`}
                  type="date"
                  value={from ?? ''}
                  min={firstDay}
                  onChange={(e) => setEffectiveFrom(e.target.value || undefined)}
                  aria-describedby={
                    fe('schedule.effectiveFrom') ? `${id}-from-hint ${id}-from-error` : `${id}-from-hint`
                  }
                  aria-invalid={fe('schedule.effectiveFrom') ? true : undefined}
                />
                {from && <p className="field-hint">New schedule from {longDate(from)}.</p>}
                {fe('schedule.effectiveFrom') && (
                  <p className="field-error" id={`${id}-from-error`}>
                    <span aria-hidden="true">⚠ </span>
                    {fe('schedule.effectiveFrom')}
                  </p>
                )}
              </div>
            )}
          </FrequencyFields>
        </Card>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : practice ? 'Save changes' : 'Create practice'}
          </button>
          <Link to={practice ? `/practices/${practice.id}` : '/practices'} className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={2}
        value={value}
        maxLength={LIMITS.textMax}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

/** Says what the amount is counted over, for the schedule chosen (see targetWindowDays). */
function amountHint(days: number): string {
  if (days === 1) return 'Per day.';
  const span = days === 7 ? 'week' : `${days} days`;
  return `Per ${span}: the amounts of any ${days} days in a row, added up.`;
}
