import { TackApiError } from '@tack/client';
import { LIMITS } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage, fieldError, isUnauthorized, queryClient } from '../api.ts';
import { browserTimeZone, browserWeekStart } from '../time.ts';
import { ErrorRegion } from '../ui/Alerts.tsx';
import { PasswordField, TextField } from '../ui/Field.tsx';
import { useFocusLater } from '../ui/useFocusLater.ts';
import type { SignInState } from './session.ts';
import { checkEmail, checkName, checkNewPassword, type Errors, firstInvalid } from './validate.ts';

const FIELDS = ['name', 'email', 'password'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an account, signs in, and stores the device's time zone (and week start) on the profile. */
export function SignUpForm({ submitLabel }: { submitLabel: string }) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', email: '', password: '' });
  const [clientErrors, setClientErrors] = useState<Errors<Field>>({});
  const refs = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const zone = browserTimeZone();
  const focusLater = useFocusLater();

  const signUp = useMutation({
    mutationFn: async (input: Record<Field, string>) => {
      await api.auth.signUp({ name: input.name.trim(), email: input.email.trim(), password: input.password });
      const weekStart = browserWeekStart();
      try {
        await api.me.update({ timeZone: zone, ...(weekStart ? { weekStart } : {}) });
      } catch (err) {
        // Created but not signed in (the server may ask for a separate sign-in): send them there.
        if (isUnauthorized(err)) return 'sign-in' as const;
        // Any other failure: the zone can still be set in Settings; Today points out a mismatch.
      }
      return 'signed-in' as const;
    },
    onSuccess: async (outcome) => {
      queryClient.removeQueries();
      if (outcome === 'sign-in') {
        const state: SignInState = { notice: 'Your account is ready. Sign in to continue.' };
        await navigate('/sign-in', { replace: true, state });
      } else await navigate('/today', { replace: true });
    },
    onError: (err) => {
      const target = err instanceof TackApiError && err.code === 'CONFLICT' ? 'email' : serverInvalid(err);
      if (target) focusLater(() => refs[target].current);
    },
  });

  function serverInvalid(err: unknown): Field | undefined {
    return FIELDS.find((f) => fieldError(err, f));
  }

  function serverError(field: Field): string | undefined {
    const err = signUp.error;
    const msg = fieldError(err, field);
    if (msg) return msg;
    if (field === 'email' && err instanceof TackApiError && err.code === 'CONFLICT')
      return 'An account with this email already exists. Sign in instead, or use another address.';
    return undefined;
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Errors<Field> = {
      name: checkName(values.name),
      email: checkEmail(values.email),
      password: checkNewPassword(values.password),
    };
    setClientErrors(errors);
    const invalid = firstInvalid(FIELDS, errors);
    if (invalid) {
      focusLater(() => refs[invalid].current);
      return;
    }
    signUp.reset();
    signUp.mutate(values);
  }

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const error = (field: Field) => clientErrors[field] ?? serverError(field);
  const general =
    signUp.isError && !serverInvalid(signUp.error) && !serverError('email') ? errorMessage(signUp.error) : undefined;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorRegion message={general} />
      <TextField
        label="Your name"
        hint="How Tack greets you. Only you see it."
        value={values.name}
        onChange={set('name')}
        error={error('name')}
        inputRef={refs.name}
        autoComplete="name"
        maxLength={LIMITS.nameMax}
        required
      />
      <TextField
        label="Email"
        type="email"
        value={values.email}
        onChange={set('email')}
        error={error('email')}
        inputRef={refs.email}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="off"
        maxLength={LIMITS.emailMax}
        required
      />
      <PasswordField
        label="Password"
        hint={`At least ${LIMITS.passwordMin} characters. A short sentence is easy to remember.`}
        value={values.password}
        onChange={set('password')}
        error={error('password')}
        inputRef={refs.password}
        autoComplete="new-password"
        maxLength={LIMITS.passwordMax}
        required
      />
      <p className="form-note">
        Tack will use this device’s time zone, <strong>{zone}</strong>, for your days and weeks. You can change it later
        in Settings.
      </p>
      <button type="submit" className="button button-primary button-block" disabled={signUp.isPending}>
        {signUp.isPending ? 'Creating your account…' : submitLabel}
      </button>
    </form>
  );
}
