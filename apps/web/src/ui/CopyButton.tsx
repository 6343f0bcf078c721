import { useEffect, useState } from 'react';

async function copyText(text: string, fallbackInput: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a secure context (https or localhost). Fall back to selecting the text.
    if (!fallbackInput) return false;
    fallbackInput.focus();
    fallbackInput.select();
    return document.execCommand('copy');
  }
}

/** Copies a value; says "Copied" (announced politely) or asks the person to copy by hand. */
export function CopyButton({
  text,
  label = 'Copy',
  input,
}: {
  text: string;
  label?: string;
  input?: () => HTMLInputElement | null;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        type="button"
        className="button button-primary"
        onClick={async () => setState((await copyText(text, input?.() ?? null)) ? 'copied' : 'failed')}
      >
        {state === 'copied' ? 'Copied' : label}
      </button>
      <span className="live-region copy-status" role="status">
        {state === 'copied' && 'Copied to the clipboard.'}
        {state === 'failed' && 'Could not copy automatically. The text is selected: press Ctrl+C or ⌘C.'}
      </span>
    </>
  );
}
