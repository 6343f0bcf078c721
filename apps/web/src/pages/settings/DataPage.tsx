import { TackApiError } from '@tack/client';
import type { ImportSummary } from '@tack/contracts';
import { LIMITS, restoredInWords } from '@tack/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, queryClient } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { erasureKey, useCancelErasure } from '../../layout/ErasureBanner.tsx';
import { formatInstant, isoDateIn } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { asSentence } from '../../ui/sentence.ts';

const MAX_MB = Math.round(LIMITS.importBytes / 1024 / 1024);

/** Settings → Data: import from other apps, export and restore backups, erase the account. */
export function DataPage() {
  const me = useMe();
  if (!me.data) return null;
  return (
    <>
      <PageHeader
        title="Your data"
        lead={
          <>
            Bring your history from other apps, take everything with you, or erase it.{' '}
            <Link to="/settings">Back to settings</Link>
          </>
        }
      />
      <div className="stack">
        <ImportCard />
        <ExportCard timeZone={me.data.timeZone} />
        <RestoreCard />
        <ErasureCard email={me.data.email} timeZone={me.data.timeZone} />
      </div>
    </>
  );
}

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 practices created, 0 updated, 20 check-ins, 1 area.": what an import or a restore wrote. */
/**
 * Why an import or a restore was refused, in a sentence: a file the server could not read is named as such,
 * without the field path the API gives ("file.tasks: …"); a check made here (no file, too large) says its own
 * words rather than "Something went wrong".
 */
export function fileErrorMessage(error: unknown): string {
  if (error instanceof TackApiError) {
    const issue = error.details.issues?.find((i) => i.path === 'file' || i.path.startsWith('file.'));
    return error.code === 'VALIDATION_FAILED' && issue
      ? `This file can't be imported: ${asSentence(issue.message)}`
      : errorMessage(error);
  }
  return error instanceof Error && error.message ? error.message : errorMessage(error);
}

export function importSummaryInWords(
  summary: Pick<ImportSummary, 'practicesCreated' | 'practicesUpdated' | 'checkins' | 'areas'>,
): string {
  const areas = summary.areas > 0 ? `, ${counted(summary.areas, 'area', 'areas')}` : '';
  return `${counted(summary.practicesCreated, 'practice', 'practices')} created, ${summary.practicesUpdated} updated, ${counted(summary.checkins, 'check-in', 'check-ins')}${areas}.`;
}

function SummaryView({ summary }: { summary: ImportSummary }) {
  return (
    <div className="alert alert-info">
      <p>{importSummaryInWords(summary)}</p>
      {restoredInWords(summary.restored) && <p>Also restored: {restoredInWords(summary.restored)}.</p>}
      {summary.notMapped.length > 0 && (
        <>
          <p>Not imported:</p>
          <ul>
            {summary.notMapped.map((n) => (
              <li key={`${n.item}:${n.reason}`}>
                {n.item}: {n.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.warnings.length > 0 && (
        <>
          <p>Warnings:</p>
          <ul>
            {summary.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function FileInput({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (f: File | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} onChange={(e) => onFile(e.target.files?.[0])} />
    </div>
  );
}

async function bytesOf(file: File): Promise<Uint8Array> {
  if (file.size > LIMITS.importBytes)
    throw new Error(`The file is larger than ${MAX_MB} MB, the most one import takes.`);
  return new Uint8Array(await file.arrayBuffer());
}

function ImportCard() {
  const [source, setSource] = useState<'loop' | 'habitica'>('loop');
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<{ phase: 'uploading' | 'processing'; fraction: number }>();
  const sourceId = useId();
  const run = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('Choose a file first.');
      const bytes = await bytesOf(file);
      setProgress({ phase: 'uploading', fraction: 0 });
      return source === 'loop' ? api.data.importLoop(bytes, setProgress) : api.data.importHabitica(bytes, setProgress);
    },
    onSuccess: () => queryClient.invalidateQueries(),
    onSettled: () => setProgress(undefined),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  return (
    <Card
      title="Import"
      description={
        <p>
          From Loop Habit Tracker (its database backup or CSV export) or Habitica (userdata.json from its data export).
          The file is checked completely first, then imported all at once. Importing the same file again updates instead
          of duplicating. Up to {MAX_MB} MB.
        </p>
      }
    >
      <form onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor={sourceId}>From</label>
          <select id={sourceId} value={source} onChange={(e) => setSource(e.target.value as 'loop' | 'habitica')}>
            <option value="loop">Loop Habit Tracker (.db or .zip)</option>
            <option value="habitica">Habitica (userdata.json)</option>
          </select>
        </div>
        <FileInput label="File" accept={source === 'loop' ? '.db,.zip' : '.json'} onFile={setFile} />
        <div>
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {run.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {progress && <ImportProgressBar phase={progress.phase} fraction={progress.fraction} />}
      <ErrorRegion message={run.isError ? fileErrorMessage(run.error) : undefined} />
      <StatusRegion>{run.data && <SummaryView summary={run.data} />}</StatusRegion>
    </Card>
  );
}

/** Upload progress, then an indeterminate bar while the server checks and writes the file. */
function ImportProgressBar({ phase, fraction }: { phase: 'uploading' | 'processing'; fraction: number }) {
  const label =
    phase === 'uploading'
      ? `Uploading: ${Math.round(fraction * 100)}%`
      : 'Checking the file and importing everything in one go…';
  return (
    <div className="import-progress">
      <progress aria-label="Import progress" max={1} {...(phase === 'uploading' ? { value: fraction } : {})} />
      <p className="field-hint" aria-live="polite">
        {label}
      </p>
    </div>
  );
}

function download(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

function ExportCard({ timeZone }: { timeZone: string }) {
  // The file is named after the person's own today, not the browser's or UTC's.
  const day = isoDateIn(new Date().toISOString(), timeZone);
  const run = useMutation({
    mutationFn: async (format: 'json' | 'csv') => {
      if (format === 'json') download(await api.data.exportJson(), `tack-backup-${day}.json`, 'application/json');
      else download(await api.data.exportCsv(), `tack-checkins-${day}.csv`, 'text/csv');
      return format;
    },
  });
  return (
    <Card
      title="Export"
      description={
        <p>
          The backup (JSON) holds everything you own in Tack and can be restored into an empty account. The CSV has one
          row per check-in, for spreadsheets.
        </p>
      }
    >
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={run.isPending}
          onClick={() => run.mutate('json')}
        >
          Download backup (JSON)
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={run.isPending}
          onClick={() => run.mutate('csv')}
        >
          Download check-ins (CSV)
        </button>
      </div>
      <ErrorRegion message={run.isError ? errorMessage(run.error) : undefined} />
      <StatusRegion>{run.data && <p className="alert alert-info">Download started.</p>}</StatusRegion>
    </Card>
  );
}

function RestoreCard() {
  const [file, setFile] = useState<File>();
  const run = useMutation({
    mutationFn: async () => {
      if (!file) throw new Error('Choose a backup file first.');
      return api.data.restore(await bytesOf(file));
    },
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <Card
      title="Restore a backup"
      description={<p>Only into an empty account: restoring never mixes with or overwrites what is here.</p>}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <FileInput label="Backup file (JSON)" accept=".json,application/json" onFile={setFile} />
        <div>
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {run.isPending ? 'Restoring…' : 'Restore'}
          </button>
        </div>
      </form>
      <ErrorRegion message={run.isError ? fileErrorMessage(run.error) : undefined} />
      <StatusRegion>{run.data && <SummaryView summary={run.data} />}</StatusRegion>
    </Card>
  );
}

function ErasureCard({ email, timeZone }: { email: string; timeZone: string }) {
  const status = useQuery({ queryKey: erasureKey, queryFn: api.data.erasure });
  const [confirm, setConfirm] = useState('');
  const request = useMutation({
    mutationFn: () => api.data.requestErasure(confirm),
    onSuccess: (data) => queryClient.setQueryData(erasureKey, data),
  });
  const cancel = useCancelErasure();
  const scheduled = status.data?.scheduled && status.data.purgeAfter;
  return (
    <Card
      title="Erase your account"
      description={
        <p>
          Deletes your account and everything in it, 7 days after you ask. Until then you can change your mind. Export a
          backup first if you may want your history later.
        </p>
      }
    >
      {scheduled ? (
        <>
          <p className="alert alert-error">
            Your account will be erased on {formatInstant(status.data?.purgeAfter ?? '', timeZone)}.
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Keep my account
          </button>
        </>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate();
          }}
        >
          <TextField
            label="Type your email address to confirm"
            hint={email}
            value={confirm}
            onChange={setConfirm}
            autoComplete="off"
          />
          <div>
            <button
              type="submit"
              className="button button-danger"
              disabled={request.isPending || confirm.trim().toLowerCase() !== email.toLowerCase()}
            >
              Erase my account in 7 days
            </button>
          </div>
        </form>
      )}
      <ErrorRegion
        message={
          request.isError ? errorMessage(request.error) : cancel.isError ? errorMessage(cancel.error) : undefined
        }
      />
    </Card>
  );
}
