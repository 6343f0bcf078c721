import { Command } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { commands } from './commands/index.ts';
import { configPath } from './config.ts';
import type { Context } from './context.ts';

function gettingStarted(ctx: Context): string {
  return `
Getting started:
  1. Create an API token in the Tack web app (Settings → API tokens).
  2. tack login --server https://tack.example.com      (asks for the token)
  3. tack whoami

  No server yet? 'tack serve' runs one on this machine at http://127.0.0.1:8080.

Where settings come from (first found wins):
  server   --server URL, then TACK_SERVER, then the one saved by 'tack login'
  token    --token T,    then TACK_TOKEN,  then the one saved by 'tack login'
  Saved login: ${configPath(ctx.env)} (moved by TACK_CONFIG_DIR)

Output and exit status:
  Commands that print data accept --json: then stdout holds only JSON, for scripts.
  Errors are one line on stderr starting with 'tack:'. Exit 0 = success, 1 = failure, 2 = wrong usage.

Run 'tack help <command>' for the details of a command.`;
}

/** Commander's usage messages as one `tack: …` line, with where to look for help. */
function usageLine(message: string, cmd: Command): string {
  const text = message
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ');
  const path: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
  return `tack: ${text} (see '${path.join(' ')} --help')\n`;
}

function applyToTree(cmd: Command, fn: (cmd: Command) => void): void {
  fn(cmd);
  for (const sub of cmd.commands) applyToTree(sub, fn);
}

export function createProgram(ctx: Context, streams: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }) {
  const program = new Command('tack')
    .description(
      'Tack keeps your goals honest: practices you do, experiments you try, weekly reviews that change course. ' +
        'This is its command line: talk to a Tack server from your terminal, or run one.',
    )
    .version(pkg.version, '-V, --version', 'print the version of tack')
    .helpOption('-h, --help', 'show help for tack or a command')
    .helpCommand('help [command]', 'show help for a command')
    .option('--server <url>', 'the Tack server to talk to (default: $TACK_SERVER, else the saved login)')
    .option('--token <token>', 'the API token to use (default: $TACK_TOKEN, else the saved login)')
    // Wrap descriptions even beside a long command column (`directions practice …`), at 80 columns too.
    .configureHelp({ showGlobalOptions: true, minWidthToWrap: 24 })
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (str) => streams.stdout.write(str),
      writeErr: (str) => streams.stderr.write(str),
    });

  for (const command of commands) command.register(program, ctx);
  program.addHelpText('after', gettingStarted(ctx));

  // Every (sub)command reports usage mistakes as one line naming its own --help.
  applyToTree(program, (cmd) => {
    cmd.configureOutput({ ...program.configureOutput(), outputError: (str, write) => write(usageLine(str, cmd)) });
  });
  return program;
}
