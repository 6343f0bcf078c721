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
}

/**
 * A searchable select of IANA time zones (ARIA 1.2 combobox with a listbox popup). Type any part
 * of a name or offset ("york", "kolkata", "utc+09"); arrows move, Enter picks, Escape closes or undoes.
 */
export function TimeZoneCombobox({ label, value, onChange, hint, error }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const options = useMemo(zoneOptions, []);
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => setText(value), [value]);

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
    }
    setOpen(false);
    setActive(-1);
  }

  /** Leaving the field: take an exact name, else the highlighted match, else undo the typing. */
  function commitTyped() {
    const exact = options.find((o) => o.zone.toLowerCase() === text.trim().toLowerCase());
    const highlighted = open && text !== value ? filtered[active] : undefined;
    if (exact ?? highlighted) choose(exact ?? highlighted);
    else {
      setText(value);
      setOpen(false);
      setActive(-1);
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
        if (open) {
          e.preventDefault();
          if (active >= 0) choose(filtered[active]);
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
        }
        break;
    }
  }

  const describedBy =
    [hint ? `${id}-hint` : '', `${id}-current`, error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

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
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
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
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}
