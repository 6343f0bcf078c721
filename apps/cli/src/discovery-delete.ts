// `tack <group> delete`, the same for directions, experiments, goals, intentions and chains: deletes are soft;
// one with history needs --yes (or a yes at the terminal).
import type { TackClient } from '@tack/client';
import type { Command } from 'commander';
import type { Context } from './context.ts';
import { removeConfirmed } from './discovery-lookup.ts';
import { oneLine } from './output.ts';

interface DeleteOptions {
  yes?: boolean;
  json?: boolean;
}

export function addDeleteCommand<T extends { id: string }>(
  group: Command,
  ctx: Context,
  spec: {
    /** "direction", "goal", … */
    what: string;
    /** The JSON key of the answer: {"direction": …}. */
    key: string;
    arg: readonly [string, string];
    find: (client: TackClient, ref: string) => Promise<T>;
    remove: (client: TackClient, id: string, confirm: boolean) => Promise<T>;
    label: (item: T) => string;
  },
): void {
  group
    .command('delete')
    .alias('rm')
    .argument(...spec.arg)
    .summary(`delete a ${spec.what}`)
    .description(
      `Delete a ${spec.what}. It is hidden, not erased: it stays in your export. One with history asks first; ` +
        '--yes skips the question (needed when not at a terminal).',
    )
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--json', `print {"${spec.key}"} as JSON`)
    .action(async (ref: string, _opts: DeleteOptions, cmd: Command) => {
      const opts = ctx.options<DeleteOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const found = await spec.find(conn.client, ref);
      const name = `The ${spec.what} "${oneLine(spec.label(found))}"`;
      const deleted = await removeConfirmed({ yes: opts.yes, interactive: ctx.interactive, name }, (confirm) =>
        spec.remove(conn.client, found.id, confirm),
      );
      if (opts.json) {
        ctx.out.json({ [spec.key]: deleted });
        return;
      }
      ctx.out.line(`Deleted ${spec.what} "${oneLine(spec.label(deleted))}".`);
    });
}
