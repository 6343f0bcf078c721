import type { User } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { errorMessage, fieldError } from '../../api.ts';
import { checkName } from '../../auth/validate.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUpdateMe } from './useUpdateMe.ts';

export function ProfileSection({ user }: { user: User }) {
  const [name, setName] = useState(user.name);
  const [clientError, setClientError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const update = useUpdateMe();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const problem = checkName(name);
    setClientError(problem);
    if (problem) {
      focusLater(() => input.current);
      return;
    }
    update.mutate({ name: name.trim() }, { onError: () => focusLater(() => input.current) });
  }

  const serverField = fieldError(update.error, 'name');
  return (
    <Card title="Profile">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorRegion message={update.isError && !serverField ? errorMessage(update.error) : undefined} />
        <TextField
          label="Name"
          value={name}
          onChange={(v) => {
            setName(v);
            update.reset();
          }}
          error={clientError ?? serverField}
          inputRef={input}
          autoComplete="name"
          maxLength={LIMITS.nameMax}
        />
        <dl className="static-field">
          <dt>Email</dt>
          <dd>{user.email}</dd>
        </dl>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save profile'}
          </button>
          <StatusRegion className="inline-status">{update.isSuccess && 'Saved.'}</StatusRegion>
        </div>
      </form>
    </Card>
  );
}
