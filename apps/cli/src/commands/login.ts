import { createClient, TackApiError } from '@tack/client';
import type { Command } from 'commander';
import { configPath, isLoopback, normalizeServer, readConfig, writeConfig } from '../config.ts';
import { cliFetch, DEFAULT_TIMEOUT_MS, type Register, refuseEmpty } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { askSecret } from '../prompt.ts';

interface LoginOptions {
  withToken?: boolean;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

export const register: Register = (program, ctx) => {
  program
    .command('login')
    .helpGroup('Account:')
    .summary('save your server address and API token')
    .description(
      'Save a server address and personal API token, so later commands know where to go and who you are. ' +
        'The token is checked with the server first; nothing is saved if it does not work. ' +
        'Create a token in the Tack web app (Settings → API tokens), or with `tack tokens create NAME`.',
    )
    .option('--with-token', 'read the token from standard input (keeps it out of shell history)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack login --server https://tack.example.com          # asks for the token',
        '  tack login --server http://127.0.0.1:8080 --token tack_…',
        '  echo "$TOKEN" | tack login --server https://tack.example.com --with-token',
        '',
        `Saved to ${configPath(ctx.env)} (readable only by you).`,
      ].join('\n'),
    )
    .action(async (_opts: LoginOptions, cmd: Command) => {
      const opts = ctx.options<LoginOptions>(cmd);
      refuseEmpty(opts, ctx.env);
      const stored = await readConfig(ctx.env);

      let server: string;
      if (opts.server) server = normalizeServer(opts.server, '--server');
      else if (ctx.env.TACK_SERVER) server = normalizeServer(ctx.env.TACK_SERVER, 'TACK_SERVER');
      else if (stored.server) server = normalizeServer(stored.server, 'the server in config.json');
      else throw new UsageError('which server? pass --server URL, e.g. --server https://tack.example.com');
      ctx.errorContext.server = server;

      if (opts.withToken && opts.token) throw new UsageError('use either --token or --with-token, not both');
      let token: string;
      if (opts.token) token = opts.token.trim();
      else if (opts.withToken) token = (await readAll(ctx.stdin)).trim();
      else if (ctx.env.TACK_TOKEN) token = ctx.env.TACK_TOKEN.trim();
      else if (ctx.interactive) token = await askSecret(`API token for ${server}`);
      else throw new UsageError('no token given; pass --token TOKEN, pipe it in with --with-token, or set TACK_TOKEN');
      if (!token) throw new UsageError('the token is empty');

      if (!isLoopback(server) && server.startsWith('http:')) {
        ctx.out.warn(`${server} is plain http: your token crosses the network unencrypted; prefer https://`);
      }

      const client = createClient({ baseUrl: server, token, fetch: cliFetch(DEFAULT_TIMEOUT_MS, server) });
      let user: { name: string; email: string };
      try {
        ({ user } = await client.me.get());
      } catch (err) {
        if (err instanceof TackApiError && (err.code === 'TOKEN_INVALID' || err.code === 'UNAUTHENTICATED')) {
          throw new CliError(`token is invalid or revoked (${err.code}); nothing was saved`);
        }
        throw err;
      }

      const file = await writeConfig({ ...stored, server, token }, ctx.env);
      ctx.out.line(`Logged in to ${server} as ${user.name} <${user.email}>.`);
      ctx.out.note(`Saved to ${file}.`);
    });
};
