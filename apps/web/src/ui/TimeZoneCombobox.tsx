import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { allTimeZones, filterZones, offsetLabel, readableZone, type ZoneOption } from '../time.ts';

let optionsCache: ZoneOption[] | undefined;

function zoneOptions(): ZoneOption[] {
  if (!optionsCache) {
    const now = new Date();
    optionsCache = allTimeZones().map((zone) => {
      const offset = offsetLabel(zone, now);
      const label = readableZone(zone);
      return { zone, label, offset, haystack: `${zone} ${label} ${offset}`.toLowerCase() };
    });
  }
  return optionsCache;
}

interface Props {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  hint?: string;
  error?: string | undefined;
  /**
   * Told when the typed text matches no zone (a message) and when that is over (undefined), so the form
   * can refuse to save while the field shows text that is not the zone it would save.
   */
  onTypedProblem?: (message: string | undefined) => void;
}

/** Why typed text was not taken as a zone, naming the zone that stays. */
export function typedZoneProblem(text: string, matches: number, current: string): string {
  const still = current ? `; your zone is still ${current}.` : '.';
  return matches === 0
    ? `“${text}” is not a time zone we know${still}`
    : `“${text}” matches ${matches} time zones: pick one from the list${still}`;
}

/**
 * A searchable select of IANA time zones (ARIA 1.2 combobox with a listbox popup). Type any part
 * of a name or offset ("york", "kolkata", "utc+09"); arrows move, Enter picks, Escape closes or undoes.
 */
export function TimeZoneCombobox({ label, value, onChange, hint, error, onTypedProblem }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const options = useMemo(zoneOptions, []);
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [typedProblem, setTypedProblemState] = useState<string>();
  const list = useRef<HTMLDivElement>(null);

  function setTypedProblem(message: string | undefined) {
    setTypedProblemState(message);
    onTypedProblem?.(message);
  }

  // A new zone from outside (saved, "Use this device's zone") replaces whatever was typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of value resets the typing
  useEffect(() => {
    setText(value);
    setTypedProblemState(undefined);
    onTypedProblem?.(undefined);
  }, [value]);

  const filtered = useMemo(
    () => (open ? filterZones(options, text === value ? '' : text) : []),
    [open, options, text, value],
  );
  const current = options.find((o) => o.zone === value);

  useEffect(() => {
    if (!open || active < 0) return;
    list.current?.querySelector(`#${CSS.escape(`${id}-opt-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open, id]);

  function choose(option: ZoneOption | undefined) {
    if (option) {
      onChange(option.zone);
      setText(option.zone);
      setTypedProblem(undefined);
    }
    setOpen(false);
    setActive(-1);
  }

  /**
   * Leaving the field: take an exact name, else the highlighted match, else the only match. Text that
   * matches no zone (or several, with none highlighted) stays as typed, with a message: it is not saved.
   */
  function commitTyped() {
    const typed = text.trim();
    const exact = options.find((o) => o.zone.toLowerCase() === typed.toLowerCase());
    const highlighted = open && text !== value ? filtered[active] : undefined;
    const matches = typed && !exact && !highlighted ? filterZones(options, typed) : [];
    const only = matches.length === 1 ? matches[0] : undefined;
    if (exact ?? highlighted ?? only) choose(exact ?? highlighted ?? only);
    else {
      setOpen(false);
      setActive(-1);
      if (text === value || typed === '') {
        // Nothing typed (or the field emptied): the zone stays, and so does its name in the field.
        setText(value);
        setTypedProblem(undefined);
      } else setTypedProblem(typedZoneProblem(typed, matches.length, value));
    }
  }

  /** Opens the list with the current zone highlighted (or the first match). */
  function openList() {
    const items = filterZones(options, text === value ? '' : text);
    const i = items.findIndex((o) => o.zone === value);
    setOpen(true);
    setActive(Math.max(i, 0));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.min(i + 1, filtered.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.max(i - 1, 0));
        break;
      case 'PageDown':
        if (open) {
          e.preventDefault();
          setActive((i) => Math.min(i + 10, filtered.length - 1));
        }
        break;
      case 'PageUp':
        if (open) {
          e.preventDefault();
          setActive((i) => Math.max(i - 10, 0));
        }
        break;
      case 'Enter':
        // Typed text is never sent with the form as it is: it becomes a zone, or stays with its message.
        if (open || text !== value) {
          e.preventDefault();
          const option = open && active >= 0 ? filtered[active] : undefined;
          if (option) choose(option);
          else commitTyped();
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== value) {
          e.preventDefault();
          setText(value);
          setTypedProblem(undefined);
        }
        break;
    }
  }

  const shownError = typedProblem ?? error;
  const describedBy =
    [hint ? `${id}-hint` : '', `${id}-current`, shownError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="combobox-control">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
            if (typedProblem) setTypedProblem(undefined);
          }}
          onKeyDown={onKeyDown}
          onBlur={commitTyped}
          onClick={() => (open ? undefined : openList())}
        />
        <span className="combobox-chevron" aria-hidden="true">
          ▾
        </span>
        <div ref={list} id={listId} role="listbox" aria-label="Time zones" className="combobox-list" hidden={!open}>
          {filtered.map((o, i) => (
            // Options are not focusable by design: focus stays in the input (aria-activedescendant),
            // and the keyboard path is the input's arrow keys and Enter.
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard handled by the combobox input
            // biome-ignore lint/a11y/useFocusableInteractive: aria-activedescendant pattern
            <div
              key={o.zone}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={o.zone === value}
              className={i === active ? 'active' : undefined}
              // Keep focus in the input: a mousedown would blur it before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
            >
              <span>{o.label}</span>
              <span className="combobox-offset">{o.offset}</span>
            </div>
          ))}
          {open && filtered.length === 0 && <p className="combobox-empty">No time zone matches “{text}”</p>}
        </div>
      </div>
      <p id={`${id}-current`} className="field-hint">
        {current ? `Currently ${current.offset}.` : ''}
      </p>
      <span className="live-region" role="status">
        {open ? `${filtered.length} time zone${filtered.length === 1 ? '' : 's'} available.` : ''}
      </span>
      {shownError && (
        // Typed text that stays unsaved is said at once: focus has usually moved on by then.
        <p id={`${id}-error`} className="field-error" role={typedProblem ? 'alert' : undefined}>
          <span aria-hidden="true">⚠ </span>
          {shownError}
        </p>
      )}
    </div>
  );
}
