// `tack <group> delete` and `tack <group> restore`, the same for directions, experiments, goals, intentions and
// chains: deletes are soft (one with history needs --yes, or a yes at the terminal), and a deleted one comes back
// with restore.
import type { TackClient } from '@tack/client';
import type { Command } from 'commander';
import type { Context } from './context.ts';
import { isId, pickByLabel, removeConfirmed, warnSameName } from './discovery-lookup.ts';
import { oneLine } from './output.ts';

interface DeleteOptions {
  yes?: boolean;
  json?: boolean;
}

/** "a" or "an" before a word, for help texts ("an experiment"). */
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

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
    .summary(`delete ${article(spec.what)} ${spec.what}`)
    .description(
      `Delete ${article(spec.what)} ${spec.what}. It is hidden, not erased: it stays in your export, and ` +
        `'tack ${group.name()} restore' brings it back. One with history asks first; ` +
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
      ctx.out.line(
        `Deleted ${spec.what} "${oneLine(spec.label(deleted))}". ` +
          `Bring it back with 'tack ${group.name()} restore ${deleted.id}'.`,
      );
    });
}

/** `tack <group> restore REF`: REF is an id, or names one of the deleted ones (as names are matched elsewhere). */
export function addRestoreCommand<T extends { id: string }>(
  group: Command,
  ctx: Context,
  spec: {
    what: string;
    key: string;
    listDeleted: (client: TackClient) => Promise<T[]>;
    /** The live ones, to warn when the restored one shares a name with one of them. */
    list: (client: TackClient) => Promise<T[]>;
    restore: (client: TackClient, id: string) => Promise<T>;
    label: (item: T) => string;
  },
): void {
  const hint = `tack ${group.name()} list --deleted`;
  group
    .command('restore')
    .argument('<ref>', `the deleted ${spec.what}: its id, or an unambiguous part of its name (see '${hint}')`)
    .summary(`bring back a deleted ${spec.what}`)
    .description(`Bring back a deleted ${spec.what} as it was. '${hint}' shows the deleted ones.`)
    .option('--json', `print {"${spec.key}"} as JSON`)
    .action(async (ref: string, _opts: { json?: boolean }, cmd: Command) => {
      const opts = ctx.options<{ json?: boolean }>(cmd);
      const conn = await ctx.connect(cmd);
      const r = ref.trim();
      const id = isId(r)
        ? r
        : pickByLabel(await spec.listDeleted(conn.client), r, spec.label, {
            one: `deleted ${spec.what}`,
            many: `deleted ${spec.what}s`,
            listHint: hint,
          }).id;
      const restored = await spec.restore(conn.client, id);
      warnSameName(ctx.out, restored, await spec.list(conn.client), spec.label, {
        one: spec.what,
        many: `${spec.what}s`,
      });
      if (opts.json) {
        ctx.out.json({ [spec.key]: restored });
        return;
      }
      ctx.out.line(`Restored ${spec.what} "${oneLine(spec.label(restored))}".`);
    });
}
