import { TackApiError } from '@tack/client';
import type { FrequencyDto } from '@tack/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import { useMe } from '../auth/session.ts';
import { TextField } from '../ui/Field.tsx';
import {
  type FrequencyState,
  formatIso,
  frequencyFrom,
  orderedWeekdays,
  PRACTICE_COLORS,
  shortWeekday,
} from './lib.ts';
import { practiceKeys } from './queries.ts';

/** A small accessible radio group of colour swatches (each with a name). */
export function ColorSwatches({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const id = useId();
  const options = PRACTICE_COLORS.some((c) => c.value.toLowerCase() === value.toLowerCase())
    ? PRACTICE_COLORS
    : [...PRACTICE_COLORS, { value, name: 'Current colour' }];
  return (
    <fieldset className="choice-group">
      <legend>Colour</legend>
      <div className="swatches">
        {options.map((c) => (
          <label key={c.value} className="swatch" style={{ backgroundColor: c.value }}>
            <input
              type="radio"
              name={`${id}-color`}
              value={c.value}
              checked={c.value.toLowerCase() === value.toLowerCase()}
              onChange={() => onChange(c.value)}
            />
            <span className="visually-hidden">{c.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The next 14 days under a frequency, from the server's preview (debounced while typing). */
export function SchedulePreview({
  frequency,
  from,
}: {
  frequency: FrequencyDto | undefined;
  from: string | undefined;
}) {
  const key = useDebounced(frequency ? JSON.stringify(frequency) : '', 300);
  const preview = useQuery({
    queryKey: practiceKeys.preview(key, from ?? ''),
    queryFn: () => api.practices.preview(JSON.parse(key) as FrequencyDto, from),
    enabled: key !== '',
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
  const days = preview.data ?? [];
  const count = days.filter((d) => d.due).length;
  return (
    <div className="schedule-preview">
      <h3 className="preview-title">The next two weeks</h3>
      {key === '' ? (
        <p className="field-hint">Complete the schedule to see the days it makes due.</p>
      ) : preview.isError ? (
        <p className="field-hint">
          {preview.error instanceof TackApiError && preview.error.status === 400
            ? 'The preview appears once the schedule above is valid.'
            : errorMessage(preview.error)}
        </p>
      ) : (
        <>
          <p className="field-hint" aria-live="polite">
            {preview.isPending ? 'Working out the days…' : `${count} due ${count === 1 ? 'day' : 'days'} in 14.`}
          </p>
          <ol className="preview-days">
            {days.map((d) => (
              <li key={d.date} className={d.due ? 'is-due' : ''}>
                <span className="preview-weekday" aria-hidden="true">
                  {formatIso(d.date, { weekday: 'narrow' })}
                </span>
                <span className="preview-day" aria-hidden="true">
                  {formatIso(d.date, { day: 'numeric' })}
                </span>
                <span className="visually-hidden">
                  {formatIso(d.date, { weekday: 'long', day: 'numeric', month: 'long' })}: {d.due ? 'due' : 'free'}
                </span>
                <span className="preview-mark" aria-hidden="true">
                  {d.due ? '●' : ''}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** One radio option with a label and a hint (the practices form's style). */
export function Choice(props: {
  name: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <label className="choice">
      <input
        type="radio"
        name={props.name}
        checked={props.checked}
        onChange={props.onChange}
        disabled={props.disabled}
      />
      <span>
        <span className="choice-label">{props.label}</span>
        {props.hint && <span className="choice-hint">{props.hint}</span>}
      </span>
    </label>
  );
}

/**
 * How often a practice happens, and the two-week preview: the one schedule editor (practice form, making a
 * practice from a direction's answer or a chain step). `children` go between the fields and the preview.
 */
export function FrequencyFields({
  value,
  onChange,
  error,
  previewFrom,
  children,
}: {
  value: FrequencyState;
  onChange: (v: FrequencyState) => void;
  error: (path: string) => string | undefined;
  previewFrom?: string | undefined;
  children?: ReactNode;
}) {
  const id = useId();
  // The weekdays in the person's week order, like the preview below and the heatmap.
  const weekdays = orderedWeekdays(useMe().data?.weekStart);
  const set = <K extends keyof FrequencyState>(k: K, v: FrequencyState[K]) => onChange({ ...value, [k]: v });
  return (
    <div className="form">
      <fieldset className="choice-group">
        <legend>How often</legend>
        <div className="choice-row">
          <Choice
            name={`${id}-freq`}
            checked={value.freqKind === 'times'}
            onChange={() => set('freqKind', 'times')}
            label="Times in days"
            hint="3 times in 7 days, daily"
          />
          <Choice
            name={`${id}-freq`}
            checked={value.freqKind === 'weekdays'}
            onChange={() => set('freqKind', 'weekdays')}
            label="Weekdays"
            hint="Mon and Thu"
          />
          <Choice
            name={`${id}-freq`}
            checked={value.freqKind === 'interval'}
            onChange={() => set('freqKind', 'interval')}
            label="Every n days"
            hint="every 2 days"
          />
        </div>
      </fieldset>
      {value.freqKind === 'times' && (
        <div className="field-row">
          <TextField
            label="Times"
            value={value.times}
            onChange={(v) => set('times', v)}
            inputMode="numeric"
            error={error('frequency.times')}
            autoComplete="off"
          />
          <TextField
            label="In days"
            value={value.days}
            onChange={(v) => set('days', v)}
            inputMode="numeric"
            error={error('frequency.days')}
            autoComplete="off"
          />
          <p className="field-hint field-row-hint">
            Any days within a rolling window: 3 in 7 days leaves you to pick which three. 1 in 1 day is daily.
          </p>
        </div>
      )}
      {value.freqKind === 'weekdays' && (
        <fieldset className="choice-group">
          <legend>On</legend>
          <div className="weekday-picks">
            {weekdays.map((d) => (
              <label key={d} className="weekday-pick">
                <input
                  type="checkbox"
                  checked={value.weekdays.includes(d)}
                  onChange={(e) =>
                    set('weekdays', e.target.checked ? [...value.weekdays, d] : value.weekdays.filter((w) => w !== d))
                  }
                />
                <span>{shortWeekday(d)}</span>
              </label>
            ))}
          </div>
          {error('frequency.weekdays') && <p className="field-error">⚠ {error('frequency.weekdays')}</p>}
        </fieldset>
      )}
      {value.freqKind === 'interval' && (
        <TextField
          label="Every how many days"
          value={value.everyDays}
          onChange={(v) => set('everyDays', v)}
          inputMode="numeric"
          error={error('frequency.everyDays')}
          autoComplete="off"
        />
      )}
      {children}
      <SchedulePreview frequency={frequencyFrom(value)} from={previewFrom} />
    </div>
  );
}
