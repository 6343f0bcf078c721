import { type ApiToken, type CreateTokenResponse, LIMITS } from '@tack/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { formatDistanceToNow } from 'date-fns';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, errorMessage, fieldError, queryClient, queryKeys } from '../../api.ts';
import { formatInstant } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { asSentence } from '../../ui/sentence.ts';
import { useFocusLater } from '../../ui/useFocusLater.ts';

export function TokensSection({ timeZone }: { timeZone: string }) {
  const tokens = useQuery({ queryKey: queryKeys.tokens, queryFn: api.tokens.list });
  const [created, setCreated] = useState<CreateTokenResponse>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const [revokedName, setRevokedName] = useState<string>();
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();

  const revoke = useMutation({
    mutationFn: (token: ApiToken) => api.tokens.revoke(token.id),
    onSuccess: async (_data, token) => {
      // Refresh the list first, then close the dialog: its Revoke button is gone, so focus goes to the list heading.
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      setRevoking(undefined);
      setRevokedName(token.name);
      if (created?.apiToken.id === token.id) setCreated(undefined);
      focusLater(() => listHeading.current);
    },
  });

  return (
    <Card
      title="Personal API tokens"
      description={
        <p>
          Tokens let scripts and the Tack command line act as you. Send one as <code>Authorization: Bearer …</code>.
          Treat each like a password, and revoke any you no longer use.
        </p>
      }
    >
      {created ? (
        <NewTokenPanel created={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateTokenForm
          onCreated={(c) => {
            setRevokedName(undefined);
            setCreated(c);
          }}
        />
      )}

      <h3 className="subheading" ref={listHeading} tabIndex={-1}>
        Your tokens
      </h3>
      <StatusRegion>
        {revokedName && <p className="alert alert-info">{asSentence(`Revoked “${revokedName}”`)}</p>}
      </StatusRegion>
      {tokens.isPending && <Loading label="Loading tokens…" />}
      {tokens.isError && <ErrorRegion message={errorMessage(tokens.error)} />}
      {tokens.data && tokens.data.tokens.length === 0 && <p className="empty">No tokens yet.</p>}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <ul className="token-list">
          {tokens.data.tokens.map((t) => (
            <li key={t.id} className="token">
              <div className="token-main">
                <span className="token-name">{t.name}</span>
                <code className="token-prefix">{t.prefix}…</code>
              </div>
              <p className="token-meta">
                Created {formatInstant(t.createdAt, timeZone)} ·{' '}
                {t.lastUsedAt ? (
                  <span title={formatInstant(t.lastUsedAt, timeZone)}>
                    last used {formatDistanceToNow(new Date(t.lastUsedAt), { addSuffix: true })}
                  </span>
                ) : (
                  'never used'
                )}
              </p>
              <button
                type="button"
                className="button button-secondary button-small"
                aria-label={`Revoke ${t.name}`}
                onClick={() => {
                  revoke.reset();
                  setRevoking(t);
                }}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        confirmLabel="Revoke token"
        busyLabel="Revoking…"
        busy={revoke.isPending}
        error={revoke.isError ? errorMessage(revoke.error) : undefined}
        onCancel={() => setRevoking(undefined)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        <p>Anything that uses this token stops working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </Card>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreateTokenResponse) => void }) {
  const [name, setName] = useState('');
  const [clientError, setClientError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();
  const create = useMutation({
    mutationFn: (tokenName: string) => api.tokens.create(tokenName),
    onSuccess: async (data) => {
      onCreated(data);
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
    },
    onError: () => focusLater(() => input.current),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const trimmed = name.trim();
    const problem = trimmed ? undefined : 'Give the token a name, so you can recognise it later.';
    setClientError(problem);
    if (problem) {
      focusLater(() => input.current);
      return;
    }
    create.mutate(trimmed);
  }

  const serverField = fieldError(create.error, 'name');
  return (
    <form className="form form-inline" onSubmit={onSubmit} noValidate>
      <ErrorRegion message={create.isError && !serverField ? errorMessage(create.error) : undefined} />
      <TextField
        label="Token name"
        hint="Where it will be used, for example “laptop CLI” or “backup script”."
        value={name}
        onChange={(v) => {
          setName(v);
          create.reset();
        }}
        error={clientError ?? serverField}
        inputRef={input}
        maxLength={LIMITS.tokenNameMax}
        autoComplete="off"
      />
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}

/** The secret, shown exactly once, with a copy button and a clear warning. */
function NewTokenPanel({ created, onDone }: { created: CreateTokenResponse; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="secret-panel" aria-labelledby="new-token-heading">
      <h3 id="new-token-heading" ref={heading} tabIndex={-1}>
        Token “{created.apiToken.name}” created
      </h3>
      <p className="alert alert-warning">
        <strong>This is the only time the token is shown.</strong> Copy it now and keep it somewhere safe, such as a
        password manager. If you lose it, revoke it and create a new one.
      </p>
      <div className="secret-row">
        <label htmlFor="new-token-value" className="visually-hidden">
          Token secret
        </label>
        <input
          id="new-token-value"
          ref={input}
          className="secret-value"
          readOnly
          value={created.token}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={created.token} label="Copy token" input={() => input.current} />
      </div>
      <button type="button" className="button button-secondary" onClick={onDone}>
        I have stored it
      </button>
    </section>
  );
}
