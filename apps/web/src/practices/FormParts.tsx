import { TackApiError } from '@tack/client';
import type { FrequencyDto } from '@tack/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { api, errorMessage } from '../api.ts';
import { formatIso, PRACTICE_COLORS } from './lib.ts';
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
