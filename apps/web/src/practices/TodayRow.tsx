import type { CheckinDto, TodayItem, UpsertCheckin } from '@tack/contracts';
import { checkinOffTarget, ENERGY_MAX, ENERGY_MIN } from '@tack/contracts';
import { type CSSProperties, type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { IfThenText } from '../ui/IfThenText.tsx';
import {
  amountVerdict,
  datesInWords,
  energyLabel,
  formatAmount,
  parseAmount,
  percent,
  signed,
  targetInWords,
} from './lib.ts';

import type { CheckinChange } from './queries.ts';

type CheckinStatus = CheckinDto['status'];

const ENERGIES = Array.from({ length: ENERGY_MAX - ENERGY_MIN + 1 }, (_, i) => ENERGY_MIN + i);

const STATUS_WORDS = { done: 'Done', skipped: 'Skipped', notDone: 'Not done' } as const;

/** A note and energy typed in Details but not saved yet: kept while Details is closed. */
interface Draft {
  note: string;
  energy: number | null;
}

export function practiceColorStyle(color: string): CSSProperties {
  return { '--practice-color': color } as CSSProperties;
}

interface Props {
  item: TodayItem;
  date: string;
  onChange: (change: CheckinChange) => void;
}

/** One practice on Today: check in with one click or key, more (note, energy, skip) behind "Details". */
export function TodayRow({ item, date, onChange }: Props) {
  const { practice, checkin } = item;
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>();
  const status = checkin?.status;
  const done = status === 'done';
  const measurable = practice.kind === 'measurable';
  const target = targetInWords(practice);
  // An amount that misses its per-day target is logged, not done: the row is not shaded as done.
  const offTarget = checkinOffTarget(practice, checkin);

  const put = (input: UpsertCheckin) => onChange({ practiceId: practice.id, date, input });
  const explanation = datesInWords(item.explanation);
  const remove = () => onChange({ practiceId: practice.id, date, remove: true });

  function toggle() {
    if (done) {
      // Keep a note or energy already written: mark it not done instead of removing it.
      if (checkin && (checkin.note || checkin.energy !== null)) put({ status: 'notDone' });
      else remove();
    } else put({ status: 'done' });
  }

  return (
    <li
      className={`today-row ${offTarget ? 'is-off-target' : status ? `is-${status}` : ''}`}
      style={practiceColorStyle(practice.color)}
    >
      <div className="today-row-main">
        {measurable ? (
          <MeasurableInput
            item={item}
            onSave={(value) => (value === null ? remove() : put({ status: 'done', value }))}
          />
        ) : (
          <button
            type="button"
            className="today-check"
            aria-pressed={done}
            aria-describedby={`${id}-meta`}
            onClick={toggle}
          >
            <span className="today-box" aria-hidden="true">
              {done ? '✓' : ''}
            </span>
            <span className="today-name">{practice.name}</span>
          </button>
        )}
        <div className="today-meta" id={`${id}-meta`}>
          {status && <StatusTag item={item} />}
          <span className="strength-badge" title={`Strength ${percent(item.strength)}: ${explanation}`}>
            <span className="visually-hidden">Strength </span>
            {percent(item.strength)}
          </span>
        </div>
        <button
          type="button"
          className="button button-quiet button-small today-more"
          aria-expanded={open}
          aria-controls={`${id}-drawer`}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span>
          <span className="today-more-label">Details</span>
          <span className="visually-hidden"> for {practice.name}</span>
        </button>
      </div>
      {measurable && target && <p className="today-target">Target: {target}</p>}
      <div id={`${id}-drawer`} className="today-drawer" hidden={!open}>
        {open && (
          <Drawer
            item={item}
            explanation={explanation}
            draft={draft}
            onDraft={setDraft}
            onPut={(input) => {
              setDraft(undefined);
              put(input);
            }}
            onRemove={remove}
          />
        )}
      </div>
    </li>
  );
}

/** Done, skipped or not done; for a measurable practice's amount, what it says about the target. */
function StatusTag({ item }: { item: TodayItem }) {
  const { practice, checkin } = item;
  if (!checkin) return null;
  if (practice.kind !== 'measurable' || checkin.status !== 'done') {
    return <span className={`tag status-${checkin.status}`}>{STATUS_WORDS[checkin.status]}</span>;
  }
  const verdict = amountVerdict(practice, checkin.value);
  const tone = verdict.met === true ? 'status-done' : verdict.met === false ? 'status-short' : 'status-logged';
  return <span className={`tag ${tone}`}>{verdict.words}</span>;
}

function MeasurableInput({ item, onSave }: { item: TodayItem; onSave: (value: number | null) => void }) {
  const { practice, checkin } = item;
  const id = useId();
  const saved = checkin?.value ?? null;
  const shown = saved === null ? '' : formatAmount(saved);
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string>();
  useEffect(() => {
    setText(shown);
    setError(undefined);
  }, [shown]);

  function commit() {
    const parsed = parseAmount(text);
    if (!parsed.ok) {
      // Keep what they typed, and say why it was not saved.
      setError(parsed.error);
      return;
    }
    setError(undefined);
    if (parsed.value === null) {
      if (checkin) onSave(null);
      return;
    }
    if (parsed.value !== saved || checkin?.status !== 'done') onSave(parsed.value);
    else setText(shown);
  }

  return (
    <div className="today-measure">
      <label htmlFor={id} className="today-name">
        {practice.name}
      </label>
      <span className="today-measure-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(undefined);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-unit ${id}-error` : `${id}-unit`}
        />
        <span id={`${id}-unit`} className="today-unit">
          {practice.unit ?? ''}
        </span>
      </span>
      {error && (
        <p id={`${id}-error`} className="field-error today-measure-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

function Drawer({
  item,
  explanation,
  draft,
  onDraft,
  onPut,
  onRemove,
}: {
  item: TodayItem;
  explanation: string;
  draft: Draft | undefined;
  onDraft: (draft: Draft) => void;
  onPut: (input: UpsertCheckin) => void;
  onRemove: () => void;
}) {
  const { practice, checkin } = item;
  const id = useId();
  const note = draft?.note ?? checkin?.note ?? '';
  const energy = draft ? draft.energy : (checkin?.energy ?? null);
  const setNote = (n: string) => onDraft({ note: n, energy });
  const setEnergy = (e: number | null) => onDraft({ note, energy: e });

  /** The note and energy as they stand (typed or saved), with a status; an amount already saved is kept. */
  const withDraft = (status: CheckinStatus): UpsertCheckin => ({
    status,
    note: note.trim() === '' ? null : note.trim(),
    energy,
    // A skipped day has no amount (the server refuses one).
    ...(practice.kind === 'measurable' && status !== 'skipped' && checkin?.value != null
      ? { value: checkin.value }
      : {}),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // Without a check-in yet the submit button says "Done, with this note"; with one, its status is kept.
    onPut(withDraft(checkin?.status ?? 'done'));
  }

  return (
    <div className="drawer-body">
      <p className="today-explanation">
        <strong>Strength {percent(item.strength)}.</strong> {explanation}
      </p>
      {practice.ifThen && <IfThenText plan={practice.ifThen} />}
      <form className="drawer-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            value={note}
            maxLength={4000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <fieldset className="energy-group">
          <legend>Energy: how did it leave you?</legend>
          <div className="energy-options">
            {ENERGIES.map((n) => (
              <label key={n} className="energy-option">
                <input
                  type="radio"
                  name={`${id}-energy`}
                  value={n}
                  checked={energy === n}
                  onChange={() => setEnergy(n)}
                />
                <span className="energy-value" aria-hidden="true">
                  {signed(n)}
                </span>
                <span className="energy-label">{energyLabel(n)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {!checkin && (
          <p className="field-hint" id={`${id}-how`}>
            Nothing is checked in for today yet: choose done or not done to save your note and energy with it.
          </p>
        )}
        <div className="form-actions">
          {checkin ? (
            <button type="submit" className="button button-primary button-small">
              Save note and energy
            </button>
          ) : (
            <>
              <button type="submit" className="button button-primary button-small" aria-describedby={`${id}-how`}>
                Done, with this note
              </button>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-describedby={`${id}-how`}
                onClick={() => onPut(withDraft('notDone'))}
              >
                Not done, with this note
              </button>
            </>
          )}
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={checkin?.status === 'skipped'}
            onClick={() => onPut(withDraft('skipped'))}
          >
            Skip today
          </button>
          {checkin && (
            <button
              type="button"
              className="button button-secondary button-small"
              aria-pressed={checkin.status === 'notDone'}
              onClick={() => onPut(withDraft('notDone'))}
            >
              Not done
            </button>
          )}
          {checkin && (
            <button type="button" className="button button-quiet button-small" onClick={onRemove}>
              Clear check-in
            </button>
          )}
          <Link to={`/practices/${practice.id}`} className="drawer-link">
            Open {practice.name}
          </Link>
        </div>
      </form>
    </div>
  );
}
