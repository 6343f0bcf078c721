import { TackApiError } from '@tack/client';
import type { ApiToken } from '@tack/contracts';
import type { Command } from 'commander';
import { readConfig, writeConfig } from '../config.ts';
import type { Register } from '../context.ts';
import { CliError } from '../errors.ts';

interface LogoutOptions {
  revoke?: boolean;
}

export const register: Register = (program, ctx) => {
  program
    .command('logout')
    .helpGroup('Account:')
    .summary('forget the saved API token')
    .description(
      'Remove the API token saved by `tack login` (the server address is kept for the next login). ' +
        'The token itself keeps working until revoked: add --revoke to revoke it on the server as well.',
    )
    .option('--revoke', 'also revoke the token on the server, so it stops working everywhere')
    .action(async (_opts: LogoutOptions, cmd: Command) => {
      const opts = ctx.options<LogoutOptions>(cmd);
      const stored = await readConfig(ctx.env);
      if (!stored.token) {
        ctx.out.line('Not logged in; nothing to do.');
        return;
      }
      const server = stored.server ?? 'the server';
      if (opts.revoke) {
        // Revoke first: if that fails, the token stays saved and the person can retry.
        const conn = await ctx.connect(cmd);
        if (conn.tokenSource !== 'config') {
          throw new CliError('--revoke acts on the saved token; unset TACK_TOKEN and drop --token to use it');
        }
        let tokens: ApiToken[] | undefined;
        try {
          ({ tokens } = await conn.client.tokens.list());
        } catch (err) {
          // Already revoked (or never valid): there is nothing left to revoke, so forgetting it is all to do.
          if (!(err instanceof TackApiError) || err.code !== 'TOKEN_INVALID') throw err;
          ctx.out.note(`The saved token was already revoked or invalid on ${server}; removing it here.`);
        }
        if (tokens) {
          const mine = tokens.filter((t) => conn.token.startsWith(t.prefix));
          if (mine.length !== 1 || !mine[0]) {
            throw new CliError("could not tell which token is this one; revoke it with 'tack tokens revoke ID'");
          }
          await conn.client.tokens.revoke(mine[0].id);
          ctx.out.note(`Revoked token "${mine[0].name}" (${mine[0].id}) on ${server}.`);
        }
      }
      const { token: _dropped, ...rest } = stored;
      await writeConfig(rest, ctx.env);
      ctx.out.line(`Logged out of ${server}.`);
      if (ctx.env.TACK_TOKEN) ctx.out.warn('TACK_TOKEN is still set in your environment; commands will keep using it');
    });
};
