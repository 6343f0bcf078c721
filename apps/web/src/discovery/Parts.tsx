import type { FrequencyDto, Practice } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldError } from '../api.ts';
import { Choice, FrequencyFields } from '../practices/FormParts.tsx';

export { Choice };

import { ErrorRegion } from '../ui/Alerts.tsx';
import { CharCount, nearLimit, pastedOverflow } from '../ui/CharCount.tsx';
import { TextField } from '../ui/Field.tsx';
import { DEFAULT_FREQUENCY, type FrequencyState, frequencyFrom, type IfThenPlan } from './lib.ts';

/** A labelled textarea with hint and error, like the practices form's. */
export function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 2,
  required,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  rows?: number;
  required?: boolean;
}) {
  const id = useId();
  const [clipped, setClipped] = useState(0);
  const pasteOverflow = useRef(0);
  const max = LIMITS.textMax;
  const counted = nearLimit(value.length, max) || clipped > 0;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : '', counted ? `${id}-count` : ''].filter(Boolean).join(' ') ||
    undefined;
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
        rows={rows}
        value={value}
        maxLength={max}
        onChange={(e) => {
          // A paste that did not fit was measured in onPaste, just before this change.
          setClipped(pasteOverflow.current);
          pasteOverflow.current = 0;
          onChange(e.target.value);
        }}
        onPaste={(e) => {
          pasteOverflow.current = pastedOverflow(e, value, max);
        }}
        aria-invalid={error ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy}
      />
      <CharCount id={`${id}-count`} length={value.length} max={max} clipped={clipped} />
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Make it a practice" in one step: a name (default the text), how often, submit. Used for a
 * direction's answers and a backwards chain's steps.
 */
export function MakePracticeForm({
  defaultName,
  onSubmit,
  onCancel,
  busy,
  error,
}: {
  defaultName: string;
  onSubmit: (input: { name: string; frequency: FrequencyDto }) => void;
  onCancel: () => void;
  busy: boolean;
  error: unknown;
}) {
  const [name, setName] = useState(defaultName.slice(0, LIMITS.nameMax));
  const [freq, setFreq] = useState<FrequencyState>(DEFAULT_FREQUENCY);
  const [missing, setMissing] = useState(false);
  // A double click submits twice before `busy` re-renders the button as disabled: send once.
  const sent = useRef(false);
  useEffect(() => {
    if (error || !busy) sent.current = false;
  }, [error, busy]);
  const fe = (p: string) => fieldError(error, p);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (sent.current || busy) return;
    const frequency = frequencyFrom(freq);
    if (!frequency) {
      setMissing(true);
      return;
    }
    setMissing(false);
    sent.current = true;
    onSubmit({ name: name.trim(), frequency });
  }
  const known = ['name', 'frequency.times', 'frequency.days', 'frequency.weekdays', 'frequency.everyDays'];
  const general = error && !known.some((p) => fe(p)) ? errorMessage(error) : undefined;
  return (
    <form className="form make-practice" onSubmit={submit} noValidate>
      <ErrorRegion message={missing ? 'Complete how often: whole numbers, or at least one weekday.' : general} />
      <TextField label="Practice name" value={name} onChange={setName} error={fe('name')} maxLength={LIMITS.nameMax} />
      <FrequencyFields value={freq} onChange={setFreq} error={fe} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create practice'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Checkboxes for the person's practices (for experiments and intentions). */
export function PracticePicker({
  practices,
  value,
  onChange,
  legend = 'Practices involved',
}: {
  practices: Practice[];
  value: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {practices.length === 0 ? (
        <p className="field-hint">
          No practices yet. <Link to="/practices/new">Create one</Link>, or turn a direction’s answer into one.
        </p>
      ) : (
        <ul className="check-list">
          {practices.map((p) => (
            <li key={p.id}>
              <label className="check-item">
                <input
                  type="checkbox"
                  checked={value.includes(p.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, p.id] : value.filter((x) => x !== p.id))}
                />
                <span>{p.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** An editable list of if-then plans. */
export function IfThenEditor({
  value,
  onChange,
  error,
}: {
  value: IfThenPlan[];
  onChange: (v: IfThenPlan[]) => void;
  error: (path: string) => string | undefined;
}) {
  const update = (i: number, patch: Partial<IfThenPlan>) =>
    onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="stack-small">
      {value.length === 0 && <p className="field-hint">No plan yet. Add at least one: it helps more than you think.</p>}
      {value.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: plans have no id; rows are only added or removed by the person
        <fieldset key={i} className="repeat-item">
          <legend className="visually-hidden">If-then plan {i + 1}</legend>
          <div className="field-row if-then-fields">
            <TextField
              label={`If… (plan ${i + 1})`}
              value={p.cue}
              onChange={(v) => update(i, { cue: v })}
              error={error(`ifThen.${i}.cue`)}
              maxLength={LIMITS.textMax}
              autoComplete="off"
            />
            <TextField
              label={`…then (plan ${i + 1})`}
              value={p.action}
              onChange={(v) => update(i, { action: v })}
              error={error(`ifThen.${i}.action`)}
              maxLength={LIMITS.textMax}
              autoComplete="off"
            />
          </div>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            Remove plan {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onChange([...value, { cue: '', action: '' }])}
      >
        Add an if-then plan
      </button>
    </div>
  );
}

/** A small status pill. */
export function Pill({
  children,
  tone = 'neutral',
}: {
  children: ReactNode;
  tone?: 'neutral' | 'good' | 'warn' | 'calm';
}) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
