import { Command, type Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { commands } from './commands/index.ts';
import { configPath } from './config.ts';
import type { Context } from './context.ts';
import { UsageError } from './errors.ts';

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

/** "Allowed choices are a, b" as the CLI says it. */
const reason = (why: string) =>
  why.replace(/^Allowed choices are /, 'choose one of ').replace(/^./, (c) => c.toLowerCase());

/**
 * Commander's words for a refused value ("option '--weeks <n>' argument '0' is invalid. give a whole number
 * from 1 to 26.") as the CLI words its own: the flag and value, then what to give instead.
 */
export function refusedValueWords(text: string): string {
  const option =
    /^option '(-[^\s',]+)(?:, (--\S+))?(?: [<[][^>\]]*[>\]])?' argument '(.*)' is invalid\. (.*?)\.?$/s.exec(text);
  if (option) {
    const [, first = '', long, value = '', why = ''] = option;
    return `${long ?? first} ${JSON.stringify(value)}: ${reason(why)}`;
  }
  const argument = /^command-argument value '(.*)' is invalid for argument '([^']+)'\. (.*?)\.?$/s.exec(text);
  if (argument) {
    const [, value = '', name = '', why = ''] = argument;
    return `${name.toUpperCase()} ${JSON.stringify(value)}: ${reason(why)}`;
  }
  return text;
}

/** Commander's usage messages as one `tack: …` line, with where to look for help. */
function usageLine(message: string, cmd: Command): string {
  const text = refusedValueWords(
    message
      .trim()
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' '),
  );
  const path: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) path.unshift(c.name());
  return `tack: ${text} (see '${path.join(' ')} --help')\n`;
}

/** The program at the top of `cmd`'s tree: its options (--server, --token, …) are the ones every command takes. */
function rootOf(cmd: Command): Command {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * Commander lets a subcommand take its parent's options (`tack review show --adjust …` would be taken by
 * `tack review` and then ignored by `show`). Only the program's own options are global: an option of a
 * command group given to one of its subcommands, which does not have it, is wrong usage naming the flag.
 */
export function refuseParentOptions(actionCommand: Command): void {
  const root = rootOf(actionCommand);
  const own = new Set(actionCommand.options.map((o) => o.attributeName()));
  for (let parent = actionCommand.parent; parent && parent !== root; parent = parent.parent) {
    for (const option of parent.options) {
      const key = option.attributeName();
      if (own.has(key) || parent.getOptionValueSource(key) !== 'cli') continue;
      const flag = option.long ?? option.short ?? key;
      const path: string[] = [];
      for (let c: Command | null = actionCommand; c && c !== root; c = c.parent) path.unshift(c.name());
      throw new UsageError(
        `${flag} is an option of 'tack ${parent.name()}', not of 'tack ${path.join(' ')}' (see 'tack ${path.join(' ')} --help')`,
      );
    }
  }
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
    .configureHelp({
      showGlobalOptions: true,
      minWidthToWrap: 24,
      // Global means the program's options only, not those of the command group a subcommand is in.
      visibleGlobalOptions(cmd: Command): Option[] {
        return cmd.parent ? rootOf(cmd).options.filter((o) => !o.hidden) : [];
      },
    })
    .hook('preAction', (_program, actionCommand) => refuseParentOptions(actionCommand))
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
