import { WEEKDAYS, type Weekday } from '@tack/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorMessage, fieldError } from '../../api.ts';
import { useFeedSettings, useRevokeFeed, useRotateFeed, useUpdateFeedSettings } from '../../reviews/queries.ts';
import { formatInstant, weekdayLabel } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { TextField } from '../../ui/Field.tsx';

export const REVIEW_MINUTES_MIN = 5;
export const REVIEW_MINUTES_MAX = 180;

/** What is wrong with the review's length as typed, in words; undefined when it is a whole number from 5 to 180. */
export function reviewMinutesProblem(text: string): string | undefined {
  const t = text.trim();
  const n = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (n >= REVIEW_MINUTES_MIN && n <= REVIEW_MINUTES_MAX) return undefined;
  return `A whole number of minutes from ${REVIEW_MINUTES_MIN} to ${REVIEW_MINUTES_MAX}.`;
}

/** Settings → Calendar feed: when the weekly review happens, and a secret iCalendar URL carrying it. */
export function CalendarFeedSection({ timeZone }: { timeZone: string }) {
  const settings = useFeedSettings();
  return (
    <Card
      id="calendar"
      title="Calendar feed"
      description={
        <p>
          Put your weekly review (and your practices) in the calendar you already use. The feed is a private address
          your calendar app subscribes to; it updates on its own.
        </p>
      }
    >
      {settings.isPending ? (
        <p className="field-hint">Loading…</p>
      ) : settings.isError ? (
        <ErrorRegion message={errorMessage(settings.error)} />
      ) : (
        <CalendarFeedForm
          reviewDay={settings.data.reviewDay}
          reviewTime={settings.data.reviewTime}
          reviewMinutes={settings.data.reviewMinutes}
          feedActive={settings.data.feedActive}
          feedCreatedAt={settings.data.feedCreatedAt}
          timeZone={timeZone}
        />
      )}
    </Card>
  );
}

function CalendarFeedForm(props: {
  reviewDay: Weekday;
  reviewTime: string;
  reviewMinutes: number;
  feedActive: boolean;
  feedCreatedAt: string | null;
  timeZone: string;
}) {
  const [day, setDay] = useState<Weekday>(props.reviewDay);
  const [time, setTime] = useState(props.reviewTime);
  const [minutes, setMinutes] = useState(String(props.reviewMinutes));
  const [url, setUrl] = useState<string>();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const [announce, setAnnounce] = useState('');
  const update = useUpdateFeedSettings();
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const dayId = useId();
  const urlInput = useRef<HTMLInputElement>(null);

  const changed = day !== props.reviewDay || time !== props.reviewTime || minutes !== String(props.reviewMinutes);

  // Checked here first: an empty field would otherwise be sent as 0 and come back as "at least 5 minutes".
  const [minutesProblem, setMinutesProblem] = useState<string>();
  const minutesInput = useRef<HTMLInputElement>(null);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problem = reviewMinutesProblem(minutes);
    setMinutesProblem(problem);
    if (problem) {
      minutesInput.current?.focus();
      return;
    }
    update.mutate({ reviewDay: day, reviewTime: time, reviewMinutes: Number(minutes.trim()) });
  }

  return (
    <div className="stack-small feed-section">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorRegion
          message={
            update.isError && !fieldError(update.error, 'reviewTime') && !fieldError(update.error, 'reviewMinutes')
              ? errorMessage(update.error)
              : undefined
          }
        />
        <div className="feed-when">
          <div className="field">
            <label htmlFor={dayId}>Review day</label>
            <select id={dayId} value={day} onChange={(e) => setDay(e.target.value as Weekday)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {weekdayLabel(d)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label="Time"
            type="time"
            value={time}
            onChange={setTime}
            error={fieldError(update.error, 'reviewTime')}
          />
          <TextField
            inputRef={minutesInput}
            label="Length in minutes"
            type="number"
            inputMode="numeric"
            min={REVIEW_MINUTES_MIN}
            max={REVIEW_MINUTES_MAX}
            value={minutes}
            onChange={setMinutes}
            error={minutesProblem ?? fieldError(update.error, 'reviewMinutes')}
          />
        </div>
        <p className="field-hint">In your time zone, {props.timeZone}.</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || !changed}>
            {update.isPending ? 'Saving…' : 'Save review time'}
          </button>
          <StatusRegion className="inline-status">{update.isSuccess && !changed && 'Saved.'}</StatusRegion>
        </div>
      </form>

      <h3>Your private calendar address</h3>
      <StatusRegion className="visually-hidden">{announce}</StatusRegion>
      <ErrorRegion message={rotate.isError ? errorMessage(rotate.error) : undefined} />
      {url ? (
        <div className="secret-panel">
          <p>
            <strong>Copy this address now.</strong> It is shown only once; Tack keeps just a fingerprint of it. Anyone
            with the address can read your review times and practice names, so keep it to yourself.
          </p>
          <div className="secret-row">
            <label htmlFor="feed-url" className="visually-hidden">
              Calendar feed address
            </label>
            <input id="feed-url" ref={urlInput} className="secret-value" readOnly value={url} />
            <CopyButton text={url} label="Copy address" input={() => urlInput.current} />
          </div>
        </div>
      ) : props.feedActive ? (
        <p>
          A calendar address is active
          {props.feedCreatedAt ? ` (made ${formatInstant(props.feedCreatedAt, props.timeZone)})` : ''}. If you lost it
          or shared it by mistake, make a new one: the old one stops working.
        </p>
      ) : (
        <p>No calendar address yet.</p>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={rotate.isPending}
          onClick={() =>
            rotate.mutate(undefined, {
              onSuccess: (answer) => {
                setUrl(answer.url);
                setAnnounce('A new calendar address is ready. Copy it now: it is shown only once.');
              },
            })
          }
        >
          {rotate.isPending ? 'Making…' : props.feedActive || url ? 'Make a new address' : 'Create calendar address'}
        </button>
        {(props.feedActive || url) && (
          <button type="button" className="button button-danger-outline" onClick={() => setConfirmRevoke(true)}>
            Turn off the feed
          </button>
        )}
      </div>
      <details className="feed-help">
        <summary>How to subscribe in your calendar app</summary>
        <ul>
          <li>
            <strong>Google Calendar</strong> (on the web): Other calendars → + → From URL, paste the address.
          </li>
          <li>
            <strong>Apple Calendar</strong>: File → New Calendar Subscription (on iPhone: Settings → Calendar → Accounts
            → Add Account → Other → Add Subscribed Calendar), paste the address.
          </li>
          <li>
            <strong>Outlook</strong>: Add calendar → Subscribe from web, paste the address.
          </li>
        </ul>
        <p className="field-hint">
          Calendar apps refresh subscriptions on their own schedule, from every few minutes to about a day.
        </p>
      </details>
      <ConfirmDialog
        open={confirmRevoke}
        title="Turn off the calendar feed?"
        confirmLabel="Turn off"
        busyLabel="Turning off…"
        busy={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : undefined}
        onCancel={() => setConfirmRevoke(false)}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setConfirmRevoke(false);
              setUrl(undefined);
              setAnnounce('The calendar feed is off. Calendars subscribed to it stop updating.');
            },
          })
        }
      >
        <p>
          The address stops working at once, and calendars subscribed to it stop updating. You can make a new one later.
        </p>
      </ConfirmDialog>
    </div>
  );
}
