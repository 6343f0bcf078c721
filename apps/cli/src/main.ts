// Entry point of the `tack` command (started by bin/tack.mjs).
import { type Command, CommanderError } from 'commander';
import { createContext } from './context.ts';
import { describeError, EXIT, exitCodeOf } from './errors.ts';
import { createOutput } from './output.ts';
import { createProgram } from './program.ts';
import { cancelPromptsOnCtrlD } from './prompt.ts';

/** Runs `tack` with these arguments (without node and script) and returns the exit status. */
export async function run(args: string[]): Promise<number> {
  cancelPromptsOnCtrlD();
  const streams = { stdout: process.stdout, stderr: process.stderr };
  const out = createOutput(streams);
  const ctx = createContext({
    env: process.env,
    out,
    stdin: process.stdin,
    stderrIsTTY: Boolean(process.stderr.isTTY),
  });
  const program = createProgram(ctx, streams);

  if (args.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  const unknown = unknownHelpTopic(program, args);
  if (unknown) {
    out.error(`unknown command '${unknown}' (see 'tack --help')`);
    return EXIT.usage;
  }
  const unknownSub = unknownCommandWithHelp(program, args);
  if (unknownSub) {
    out.error(`unknown command '${unknownSub.word}' (see '${unknownSub.group} --help')`);
    return EXIT.usage;
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed the help or the one-line usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
      if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    out.error(describeError(err, ctx.errorContext));
    if (ctx.env.TACK_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    return exitCodeOf(err, ctx.errorContext);
  }
}

/** For `tack help WORDS…`: the words that name no command (commander would print the whole help silently). */
function unknownHelpTopic(program: Command, args: string[]): string | undefined {
  if (args[0] !== 'help') return undefined;
  let cmd = program;
  for (const [i, word] of args.slice(1).entries()) {
    if (word.startsWith('-')) return undefined;
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return args.slice(1, i + 2).join(' ');
    cmd = sub;
  }
  return undefined;
}

/**
 * For `tack WORDS… --help`: the words that name no command where a command group expects one (commander
 * would print the group's help and exit 0, as if `tack practices lsit --help` were fine).
 */
function unknownCommandWithHelp(program: Command, args: string[]): { word: string; group: string } | undefined {
  if (!args.some((a) => a === '-h' || a === '--help')) return undefined;
  let cmd = program;
  const path = ['tack'];
  for (const word of args) {
    if (word.startsWith('-') || word === 'help' || cmd.commands.length === 0 || cmd.registeredArguments.length > 0) {
      return undefined;
    }
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) return { word, group: path.join(' ') };
    path.push(sub.name());
    cmd = sub;
  }
  return undefined;
}

// A closed pipe (`tack tokens list --json | head -1`) is not an error worth reporting.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

process.exitCode = await run(process.argv.slice(2));
