import type { Command } from 'commander';
import type { Register } from '../context.ts';

interface WhoamiOptions {
  json?: boolean;
}

const SOURCE_NOTE = { flag: ' (token from --token)', env: ' (token from TACK_TOKEN)', config: '' } as const;

export const register: Register = (program, ctx) => {
  program
    .command('whoami')
    .helpGroup('Account:')
    .summary('show which account and server you are using')
    .description('Show the account the current API token belongs to, and the server it was checked with.')
    .option('--json', 'print {"server", "user"} as JSON')
    .action(async (_opts: WhoamiOptions, cmd: Command) => {
      const opts = ctx.options<WhoamiOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const { user } = await conn.client.me.get();
      if (opts.json) {
        ctx.out.json({ server: conn.server, user });
        return;
      }
      ctx.out.line(`${user.name} <${user.email}> on ${conn.server}${SOURCE_NOTE[conn.tokenSource]}`);
      ctx.out.line(`Time zone ${user.timeZone}, weeks start on ${user.weekStart}.`);
    });
};
