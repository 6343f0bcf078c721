import { LIMITS } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { api, errorMessage, fieldError } from '../../api.ts';
import { checkNewPassword, type Errors, firstInvalid } from '../../auth/validate.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';

const FIELDS = ['currentPassword', 'newPassword', 'repeat'] as const;
type Field = (typeof FIELDS)[number];

/** Change the password: the current one proves it is you; other devices may be signed out at the same time. */
export function PasswordSection() {
  const empty = { currentPassword: '', newPassword: '', repeat: '' };
  const [values, setValues] = useState<Record<Field, string>>(empty);
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [errors, setErrors] = useState<Errors<Field>>({});
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };
  const focusLater = useFocusLater();
  const change = useMutation({
    mutationFn: () =>
      api.auth.changePassword({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
        revokeOtherSessions: signOutOthers,
      }),
    onSuccess: () => setValues(empty),
    onError: () => focusLater(() => refs.currentPassword.current),
  });

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    change.reset();
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const found: Errors<Field> = {
      currentPassword: values.currentPassword ? undefined : 'Enter the password you use now.',
      newPassword:
        checkNewPassword(values.newPassword) ??
        (values.newPassword === values.currentPassword
          ? 'Choose a password other than the one you use now.'
          : undefined),
      repeat: values.repeat === values.newPassword ? undefined : 'The two new passwords differ.',
    };
    setErrors(found);
    const first = firstInvalid(FIELDS, found);
    if (first) {
      focusLater(() => refs[first].current);
      return;
    }
    change.mutate();
  }

  // better-auth answers a wrong current password with "Invalid password".
  const wrongCurrent = change.isError && /invalid password/i.test(errorMessage(change.error));
  const serverNew = fieldError(change.error, 'newPassword');
  return (
    <Card title="Password">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorRegion message={change.isError && !wrongCurrent && !serverNew ? errorMessage(change.error) : undefined} />
        <TextField
          label="Current password"
          type="password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword ?? (wrongCurrent ? 'That is not your current password.' : undefined)}
          inputRef={refs.currentPassword}
          autoComplete="current-password"
          maxLength={LIMITS.passwordMax}
        />
        <TextField
          label="New password"
          type="password"
          hint={`At least ${LIMITS.passwordMin} characters. A short sentence is easy to remember.`}
          value={values.newPassword}
          onChange={set('newPassword')}
          error={errors.newPassword ?? serverNew}
          inputRef={refs.newPassword}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
        />
        <TextField
          label="New password again"
          type="password"
          value={values.repeat}
          onChange={set('repeat')}
          error={errors.repeat}
          inputRef={refs.repeat}
          autoComplete="new-password"
          maxLength={LIMITS.passwordMax}
        />
        <label className="check-item">
          <input type="checkbox" checked={signOutOthers} onChange={(e) => setSignOutOthers(e.target.checked)} />
          Sign out my other devices and browsers
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
          <StatusRegion className="inline-status">
            {change.isSuccess &&
              (signOutOthers ? 'Password changed; your other sessions are signed out.' : 'Password changed.')}
          </StatusRegion>
        </div>
      </form>
    </Card>
  );
}
