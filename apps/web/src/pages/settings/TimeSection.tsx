import { type User, WEEKDAYS, type Weekday } from '@tack/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage, fieldError } from '../../api.ts';
import { browserTimeZone, isKnownTimeZone, weekdayLabel } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TimeZoneCombobox } from '../../ui/TimeZoneCombobox.tsx';
import { useUpdateMe } from './useUpdateMe.ts';

export function TimeSection({ user }: { user: User }) {
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [weekStart, setWeekStart] = useState<Weekday>(user.weekStart);
  const update = useUpdateMe();
  const weekId = useId();
  const device = browserTimeZone();
  // Text in the zone field that is no zone: nothing is saved until it is one (or undone).
  const typedProblem = useRef<string | undefined>(undefined);
  const form = useRef<HTMLFormElement>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (typedProblem.current) {
      form.current?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
      return;
    }
    if (!isKnownTimeZone(timeZone)) return;
    update.mutate({ timeZone, weekStart });
  }

  const zoneError = fieldError(update.error, 'timeZone');
  const weekError = fieldError(update.error, 'weekStart');
  const changed = timeZone !== user.timeZone || weekStart !== user.weekStart;

  return (
    <Card
      id="time"
      title="Days and weeks"
      description={<p>Tack decides what “today” and “this week” mean from these, wherever you open it.</p>}
    >
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <ErrorRegion message={update.isError && !zoneError && !weekError ? errorMessage(update.error) : undefined} />
        <TimeZoneCombobox
          label="Time zone"
          hint="Type a city or region, for example “Amsterdam” or “New York”."
          value={timeZone}
          onChange={(zone) => {
            setTimeZone(zone);
            update.reset();
          }}
          error={zoneError}
          onTypedProblem={(message) => {
            typedProblem.current = message;
          }}
        />
        {device !== timeZone && (
          <p className="form-note">
            This device is set to <strong>{device}</strong>.{' '}
            <button type="button" className="link-button" onClick={() => setTimeZone(device)}>
              Use {device}
            </button>
          </p>
        )}
        <div className="field">
          <label htmlFor={weekId}>Week starts on</label>
          <select
            id={weekId}
            value={weekStart}
            onChange={(e) => {
              setWeekStart(e.target.value as Weekday);
              update.reset();
            }}
            aria-invalid={weekError ? true : undefined}
            aria-describedby={weekError ? `${weekId}-error` : undefined}
          >
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {weekdayLabel(d)}
              </option>
            ))}
          </select>
          {weekError && (
            <p id={`${weekId}-error`} className="field-error">
              {weekError}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || !changed}>
            {update.isPending ? 'Saving…' : 'Save days and weeks'}
          </button>
          <StatusRegion className="inline-status">{update.isSuccess && !changed && 'Saved.'}</StatusRegion>
        </div>
      </form>
    </Card>
  );
}
