import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage, fieldError } from '../api.ts';
import { ErrorRegion } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { UnsavedChangesPrompt } from '../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../ui/useUnsavedChanges.ts';
import { TextArea } from './Parts.tsx';

/** One field of an edit form; `path` is the API's field name, so a server field error shows next to it. */
export interface EditFieldSpec {
  path: string;
  label: string;
  initial: string;
  maxLength: number;
  multiline?: boolean;
  /** When set, an empty value is refused with this message before anything is sent. */
  required?: string;
  hint?: ReactNode;
}

/**
 * A small in-place edit form (a name, a hypothesis, a statement): focus starts in the first field, Escape or
 * Cancel closes it, a field error from the server shows under its field and any other error above the form.
 * `save` gets the trimmed values by path.
 */
export function EditForm<T>({
  fields,
  save,
  onSaved,
  onCancel,
  saveLabel = 'Save',
  label,
  onError,
}: {
  fields: EditFieldSpec[];
  save: (values: Record<string, string>) => Promise<T>;
  /** Gets what the server answered (the saved item), e.g. to put it in the query cache at once. */
  onSaved: (saved: T) => void | Promise<void>;
  onCancel: () => void;
  saveLabel?: string;
  /** An accessible name for the form, e.g. "Edit the direction". */
  label: string;
  /** After a failed save, e.g. to refresh an item that changed elsewhere. */
  onError?: (error: unknown) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.path, f.initial])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { blocker, release } = useUnsavedChanges(fields.some((f) => (values[f.path] ?? '') !== f.initial));
  const trimmed = () => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()]));
  const mutation = useMutation({
    mutationFn: () => save(trimmed()),
    onSuccess: (saved) => {
      release();
      return onSaved(saved);
    },
    onError: (error) => {
      focusLater(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      onError?.(error);
    },
  });

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    for (const f of fields) if (f.required && !values[f.path]?.trim()) p[f.path] = f.required;
    setProblems(p);
    mutation.reset();
    if (Object.keys(p).length > 0) {
      focusLater(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    mutation.mutate();
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !mutation.isPending) {
      e.preventDefault();
      onCancel();
    }
  }

  const fe = (path: string) => problems[path] ?? fieldError(mutation.error, path);
  const general =
    mutation.isError && !fields.some((f) => fieldError(mutation.error, f.path))
      ? errorMessage(mutation.error)
      : undefined;
  return (
    <form ref={form} className="form edit-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={label}>
      <UnsavedChangesPrompt blocker={blocker} />
      <ErrorRegion message={general} />
      {fields.map((f) => {
        const common = {
          label: f.label,
          value: values[f.path] ?? '',
          onChange: (v: string) => setValues((s) => ({ ...s, [f.path]: v })),
          error: fe(f.path),
          hint: f.hint,
        };
        return f.multiline ? (
          <TextArea key={f.path} {...common} rows={3} required={Boolean(f.required)} />
        ) : (
          <TextField
            key={f.path}
            {...common}
            hint={typeof f.hint === 'string' ? f.hint : undefined}
            maxLength={f.maxLength}
            aria-required={f.required ? true : undefined}
            autoComplete="off"
          />
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Saving…' : saveLabel}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Open/close state for an edit form toggled by a button: when the form closes (saved or cancelled),
 * focus goes back to the button that opened it.
 */
export function useEditToggle() {
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  return {
    editing,
    button,
    open: () => setEditing(true),
    close: () => {
      setEditing(false);
      focusLater(() => button.current);
    },
  };
}
