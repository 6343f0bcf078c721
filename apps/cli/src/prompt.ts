import { confirm, isCancel, password, updateSettings } from '@clack/prompts';
import { CliError } from './errors.ts';

// Prompts draw on stderr so that stdout only ever carries the command's answer.

/**
 * Ctrl+D at a prompt cancels it as Ctrl+C does. Without this, Ctrl+D closes the terminal's input under the
 * prompt, which then never answers and Node exits with its "unsettled top-level await" warning.
 */
export function cancelPromptsOnCtrlD(): void {
  updateSettings({ aliases: { '\u0004': 'cancel' } });
}

/** Asks for a secret with masked input. Only call when ctx.interactive is true. */
export async function askSecret(message: string): Promise<string> {
  const answer = await password({
    message,
    output: process.stderr,
    validate: (value) => (value?.trim() ? undefined : 'Paste the token, or press Ctrl+C to cancel'),
  });
  if (isCancel(answer)) throw new CliError('cancelled');
  return answer.trim();
}

/** Asks a yes/no question; a cancelled prompt counts as "no". Only call when ctx.interactive is true. */
export async function askConfirm(message: string): Promise<boolean> {
  const answer = await confirm({ message, initialValue: false, output: process.stderr });
  return !isCancel(answer) && answer;
}
