import { type FrequencyDto, WEEKDAYS, type Weekday } from '@tack/contracts';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { LinkTabs } from '../discovery/Tabs.tsx';
import { shortWeekday } from '../practices/lib.ts';
import { clock, REVIEW_MINUTES, TEXT_MAX, timerWords } from './lib.ts';

export const REVIEW_TABS = [
  { to: '/review', label: 'This week' },
  { to: '/review/history', label: 'History' },
  { to: '/review/progress', label: 'Progress' },
];

export function ReviewTabs({ current }: { current: string }) {
  return (
    <div className="review-tabs">
      <LinkTabs label="Review" tabs={REVIEW_TABS} current={current} />
    </div>
  );
}

/**
 * A labelled multi-line text field, limited to what the API keeps (`maxLength`); near the limit it says
 * how many characters are left.
 */
export function TextArea({
  label,
  hint,
  value,
  onChange,
  rows = 3,
  maxLength = TEXT_MAX,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}) {
  const id = useId();
  const left = maxLength - value.length;
  const nearLimit = left <= maxLength / 10;
  const describedBy = [hint ? `${id}-hint` : '', nearLimit ? `${id}-count` : ''].filter(Boolean).join(' ');
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
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy || undefined}
      />
      {nearLimit && (
        <p id={`${id}-count`} className="field-hint text-count">
          {left <= 0
            ? `This answer has reached the limit of ${maxLength.toLocaleString('en-US')} characters.`
            : `${left.toLocaleString('en-US')} ${left === 1 ? 'character' : 'characters'} left.`}
        </p>
      )}
    </div>
  );
}

/**
 * The ten-minute guide: counts up from when the review was opened (kept for the session, so a reload
 * does not restart it). Calm by design: no red, no alarm, and past ten minutes it gives permission.
 */
export function ReviewTimer({ weekStart }: { weekStart: string }) {
  const [start] = useState(() => {
    const key = `tack-review-start-${weekStart}`;
    const saved = Number(sessionStorage.getItem(key));
    if (saved > 0) return saved;
    const now = Date.now();
    sessionStorage.setItem(key, String(now));
    return now;
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = (now - start) / 1000;
  const share = Math.min(1, seconds / (REVIEW_MINUTES * 60));
  return (
    <div className="review-timer no-print">
      <div className="review-timer-face" role="timer" aria-label="Time spent on this review">
        {clock(seconds)}
      </div>
      <div className="review-timer-side">
        <div className="review-timer-track" aria-hidden="true">
          <div className="review-timer-fill" style={{ inlineSize: `${share * 100}%` }} />
        </div>
        <p className="review-timer-words">{timerWords(seconds)}</p>
      </div>
    </div>
  );
}

/** A compact schedule editor for "adjust": times in days, weekdays, or every N days. */
export function FrequencyEditor({
  value,
  onChange,
  legend,
}: {
  value: FrequencyDto;
  onChange: (f: FrequencyDto) => void;
  legend: string;
}) {
  const id = useId();
  return (
    <fieldset className="frequency-editor">
      <legend>{legend}</legend>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind of schedule</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'times') onChange({ kind: 'times', times: 3, days: 7 });
            else if (kind === 'weekdays') onChange({ kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] });
            else onChange({ kind: 'interval', everyDays: 2 });
          }}
        >
          <option value="times">A number of times in a number of days</option>
          <option value="weekdays">On chosen weekdays</option>
          <option value="interval">Every few days</option>
        </select>
      </div>
      {value.kind === 'times' && (
        <div className="frequency-row">
          <NumberInput label="Times" value={value.times} onChange={(times) => onChange({ ...value, times })} />
          <span aria-hidden="true">in</span>
          <NumberInput label="Days" value={value.days} onChange={(days) => onChange({ ...value, days })} />
        </div>
      )}
      {value.kind === 'interval' && (
        <NumberInput
          label="Every how many days"
          value={value.everyDays}
          onChange={(everyDays) => onChange({ ...value, everyDays })}
        />
      )}
      {value.kind === 'weekdays' && (
        <fieldset className="weekday-picks">
          <legend className="visually-hidden">Weekdays</legend>
          {WEEKDAYS.map((d: Weekday) => (
            <label key={d} className="weekday-pick">
              <input
                type="checkbox"
                checked={value.weekdays.includes(d)}
                onChange={(e) =>
                  onChange({
                    kind: 'weekdays',
                    weekdays: e.target.checked
                      ? WEEKDAYS.filter((w) => w === d || value.weekdays.includes(w))
                      : value.weekdays.filter((w) => w !== d),
                  })
                }
              />
              {shortWeekday(d)}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}

function NumberInput({ label, value, onChange }: { label: string; value: number; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="field field-number">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={365}
        value={value}
        onChange={(e) => onChange(Math.max(1, Math.round(Number(e.target.value) || 1)))}
      />
    </div>
  );
}

/** A table that may scroll sideways on a narrow screen: focusable and named, so keyboards can scroll it. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
