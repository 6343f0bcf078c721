import type { TodayItem, UpsertCheckin } from '@tack/contracts';
import { ENERGY_MAX, ENERGY_MIN } from '@tack/contracts';
import { type CSSProperties, type FormEvent, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { energyLabel, percent, signed, targetInWords } from './lib.ts';
import type { CheckinChange } from './queries.ts';

const ENERGIES = Array.from({ length: ENERGY_MAX - ENERGY_MIN + 1 }, (_, i) => ENERGY_MIN + i);

const STATUS_WORDS = { done: 'Done', skipped: 'Skipped', notDone: 'Not done' } as const;

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
  const status = checkin?.status;
  const done = status === 'done';
  const measurable = practice.kind === 'measurable';
  const target = targetInWords(practice);

  const put = (input: UpsertCheckin) => onChange({ practiceId: practice.id, date, input });
  const remove = () => onChange({ practiceId: practice.id, date, remove: true });

  function toggle() {
    if (done) {
      // Keep a note or energy already written: mark it not done instead of removing it.
      if (checkin && (checkin.note || checkin.energy !== null)) put({ status: 'notDone' });
      else remove();
    } else put({ status: 'done' });
  }

  return (
    <li className={`today-row ${status ? `is-${status}` : ''}`} style={practiceColorStyle(practice.color)}>
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
          {status && <span className={`tag status-${status}`}>{STATUS_WORDS[status]}</span>}
          <span className="strength-badge" title={`Strength ${percent(item.strength)}: ${item.explanation}`}>
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
        {open && <Drawer item={item} onPut={put} onRemove={remove} />}
      </div>
    </li>
  );
}

function MeasurableInput({ item, onSave }: { item: TodayItem; onSave: (value: number | null) => void }) {
  const { practice, checkin } = item;
  const id = useId();
  const saved = checkin?.value ?? null;
  const [text, setText] = useState(saved === null ? '' : String(saved));
  useEffect(() => setText(saved === null ? '' : String(saved)), [saved]);

  function commit() {
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') {
      if (checkin) onSave(null);
      return;
    }
    const n = Number(trimmed);
    if (!Number.isFinite(n) || n < 0) {
      setText(saved === null ? '' : String(saved));
      return;
    }
    if (n !== saved || checkin?.status !== 'done') onSave(n);
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
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
          aria-describedby={`${id}-unit`}
        />
        <span id={`${id}-unit`} className="today-unit">
          {practice.unit ?? ''}
        </span>
      </span>
    </div>
  );
}

function Drawer({
  item,
  onPut,
  onRemove,
}: {
  item: TodayItem;
  onPut: (input: UpsertCheckin) => void;
  onRemove: () => void;
}) {
  const { practice, checkin } = item;
  const id = useId();
  const [note, setNote] = useState(checkin?.note ?? '');
  const [energy, setEnergy] = useState<number | null>(checkin?.energy ?? null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onPut({
      status: checkin?.status ?? 'done',
      note: note.trim() === '' ? null : note.trim(),
      energy,
      ...(practice.kind === 'measurable' && checkin?.value != null ? { value: checkin.value } : {}),
    });
  }

  return (
    <div className="drawer-body">
      <p className="today-explanation">
        <strong>Strength {percent(item.strength)}.</strong> {item.explanation}
      </p>
      {practice.ifThen && (
        <p className="if-then">
          <span className="if-then-word">If</span> {practice.ifThen.cue}, <span className="if-then-word">then</span>{' '}
          {practice.ifThen.action}.
        </p>
      )}
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
        <div className="form-actions">
          <button type="submit" className="button button-primary button-small">
            Save note and energy
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={checkin?.status === 'skipped'}
            onClick={() => onPut({ status: 'skipped' })}
          >
            Skip today
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            aria-pressed={checkin?.status === 'notDone'}
            onClick={() => onPut({ status: 'notDone' })}
          >
            Not done
          </button>
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
