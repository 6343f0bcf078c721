import { TackApiError } from '@tack/client';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, fieldError, queryClient } from '../api.ts';
import { readNotice, safeNext, useSetup, useSignedInProbe } from '../auth/session.ts';
import { checkEmail, type Errors, firstInvalid } from '../auth/validate.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alerts.tsx';
import { PasswordField, TextField } from '../ui/Field.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/Page.tsx';
import { useFocusLater } from '../ui/useFocusLater.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function SignInPage() {
  const setup = useSetup();
  // Already signed in (e.g. a bookmark to this page)? Go straight on.
  const me = useSignedInProbe();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (setup.data?.needsFirstAccount) return <Navigate to="/welcome" replace />;
  if (me.data) return <Navigate to={next} replace />;
  if (setup.isPending) return <Loading />;
  return <SignInForm next={next} />;
}

function SignInForm({ next }: { next: string }) {
  const navigate = useNavigate();
  const location = useLocation();
  const notice = readNotice(location.state);
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [clientErrors, setClientErrors] = useState<Errors<Field>>({});
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const focusLater = useFocusLater();

  const signIn = useMutation({
    mutationFn: (input: Record<Field, string>) =>
      api.auth.signIn({ email: input.email.trim(), password: input.password }),
    onSuccess: async () => {
      queryClient.removeQueries();
      await navigate(next, { replace: true });
    },
    onError: (err) => {
      const field = FIELDS.find((f) => fieldError(err, f));
      // Wrong email or password: start again from the password.
      const target = field ?? (err instanceof TackApiError && err.status === 401 ? 'password' : undefined);
      if (target) focusLater(() => refs[target].current);
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Errors<Field> = {
      email: checkEmail(values.email),
      password: values.password ? undefined : 'Enter your password.',
    };
    setClientErrors(errors);
    const invalid = firstInvalid(FIELDS, errors);
    if (invalid) {
      focusLater(() => refs[invalid].current);
      return;
    }
    signIn.reset();
    signIn.mutate(values);
  }

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const error = (field: Field) => clientErrors[field] ?? fieldError(signIn.error, field);
  const hasFieldError = FIELDS.some((f) => fieldError(signIn.error, f));
  const general = signIn.isError && !hasFieldError ? signInMessage(signIn.error) : undefined;

  return (
    <div className="auth-card card">
      <PageHeader title="Sign in" lead="Welcome back. Pick up where you left off." />
      <StatusRegion>{notice && <p className="alert alert-info">{notice}</p>}</StatusRegion>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorRegion message={general} />
        <TextField
          label="Email"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={error('email')}
          inputRef={refs.email}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="off"
          required
        />
        <PasswordField
          label="Password"
          value={values.password}
          onChange={set('password')}
          error={error('password')}
          inputRef={refs.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="auth-switch">
        New to Tack? <Link to="/sign-up">Create an account</Link>
      </p>
    </div>
  );
}

function signInMessage(err: unknown): string {
  if (err instanceof TackApiError && err.status === 401) return 'That email and password don’t match. Try again.';
  return errorMessage(err);
}
