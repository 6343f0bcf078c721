import type { ApiToken } from '@tack/contracts';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { ambiguous, idColumn, idPrefix } from '../discovery-lookup.ts';
import { UsageError } from '../errors.ts';
import { LIMITS, limited } from '../limits.ts';
import { formatTimestamp } from '../output.ts';

interface JsonOption {
  json?: boolean;
}

export const register: Register = (program, ctx) => {
  const tokens = program
    .command('tokens')
    .helpGroup('Account:')
    .summary('list, create and revoke personal API tokens')
    .description(
      'Personal API tokens let scripts and this CLI act as you. Each token is shown once, when created; ' +
        'the server keeps only a hash and the first characters (the prefix) to recognise it.',
    );

  tokens
    .command('list')
    .alias('ls')
    .summary('list your API tokens')
    .description('List your API tokens. The one this CLI is using is marked with *.')
    .option('--json', 'print {"tokens": […]} as JSON')
    .action(async (_opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const list = await conn.client.tokens.list();
      if (opts.json) {
        ctx.out.json(list);
        return;
      }
      const timeZone = (await conn.client.me.get()).user.timeZone;
      ctx.out.table(
        list.tokens,
        [
          { header: '', value: (t: ApiToken) => (conn.token.startsWith(t.prefix) ? '*' : '') },
          idColumn(list.tokens),
          { header: 'name', value: (t) => t.name },
          { header: 'prefix', value: (t) => t.prefix },
          { header: 'created', value: (t) => formatTimestamp(t.createdAt, timeZone) },
          { header: 'last used', value: (t) => formatTimestamp(t.lastUsedAt, timeZone) || 'never' },
        ],
        "No API tokens. Create one with 'tack tokens create NAME'.",
      );
      if (list.tokens.some((t) => conn.token.startsWith(t.prefix))) ctx.out.note('* the token this CLI uses');
    });

  tokens
    .command('create')
    .argument(
      '<name>',
      'what the token is for, e.g. "laptop" or "backup script"',
      limited('the name', LIMITS.tokenNameMax),
    )
    .summary('create an API token and print it (once)')
    .description(
      'Create an API token and print it. It is shown only this once: store it now. ' +
        'The token alone goes to stdout, so `TOKEN=$(tack tokens create ci)` works; notes go to stderr.',
    )
    .option('--json', 'print {"token", "apiToken"} as JSON')
    .action(async (name: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const created = await conn.client.tokens.create(name);
      if (opts.json) {
        ctx.out.json(created);
        return;
      }
      ctx.out.note(
        `Created token "${created.apiToken.name}" (id ${created.apiToken.id}). Copy it now; it is not shown again:`,
      );
      ctx.out.line(created.token);
    });

  tokens
    .command('revoke')
    .alias('rm')
    .argument('<id>', "the token's id, or its start as 'tack tokens list' shows it")
    .summary('revoke an API token; it stops working at once')
    .action(async (ref: string, _opts: object, cmd: Command) => {
      if (ref.trim() === '') throw new UsageError("give the id of the token to revoke; see 'tack tokens list'");
      const conn = await ctx.connect(cmd);
      // Look first, to find a short id and to warn when revoking the very token this CLI uses.
      const { tokens: all } = await conn.client.tokens.list();
      const wanted = ref.trim();
      const prefix = idPrefix(wanted);
      let target = all.find((t) => t.id === wanted);
      if (!target && prefix !== undefined) {
        const found = all.filter((t) => t.id.toLowerCase().startsWith(prefix));
        if (found.length > 1) throw ambiguous(found, wanted, (t) => t.name, { many: 'tokens' });
        target = found[0];
      }
      const id = target?.id ?? wanted;
      await conn.client.tokens.revoke(id);
      ctx.out.line(`Revoked token ${target ? `"${target.name}" ` : ''}(${id}).`);
      if (target && conn.token.startsWith(target.prefix)) {
        ctx.out.warn(
          conn.tokenSource === 'config'
            ? "that was the token this CLI uses; run 'tack login' with another token"
            : 'that was the token this command used',
        );
      }
    });
};
