import type { Insight } from '@tack/contracts';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { oneLine } from '../output.ts';

/** One insight as lines: what Tack noticed, the suggested step, the numbers behind it, its source. */
export function renderInsight(i: Insight): string[] {
  return [
    `[${i.pitfall}] ${oneLine(i.title)}`,
    `  ${oneLine(i.explanation)}`,
    `  Next step: ${oneLine(i.suggestion)}`,
    `  Why: ${i.evidence.map((e) => `${oneLine(e.label)} ${String(e.value)}`).join('; ')}`,
    `  Source: ${oneLine(i.source)}`,
    `  Dismiss: tack insights dismiss ${i.key}`,
  ];
}

export const register: Register = (program, ctx) => {
  const insights = program
    .command('insights')
    .helpGroup('Reflect:')
    .summary('pitfalls Tack notices (P1–P5), with the numbers behind them')
    .description(
      'Insights point out common goal pitfalls (Ordóñez et al. 2009): expectations set too high (P1), a goal ' +
        'that never bends (P2), one area crowding out the rest (P3), strain without recovery (P4) and comparing ' +
        'yourself with others (P5). They suggest; they never diagnose.',
    )
    .option('--json', 'print {"insights": […], "dismissed", "notes"} as JSON')
    .action(async (_opts: { json?: boolean }, cmd: Command) => {
      const opts = ctx.options<{ json?: boolean }>(cmd);
      const conn = await ctx.connect(cmd);
      const list = await conn.client.insights.list();
      if (opts.json) {
        ctx.out.json(list);
        return;
      }
      if (list.insights.length === 0) ctx.out.line('Nothing to point out right now.');
      list.insights.forEach((i, n) => {
        if (n > 0) ctx.out.line();
        for (const line of renderInsight(i)) ctx.out.line(line);
      });
      if (list.dismissed > 0)
        ctx.out.note(`${list.dismissed} dismissed insight(s) hidden while their condition holds.`);
      for (const n of list.notes) ctx.out.note(n);
    });

  insights
    .command('dismiss')
    .summary('hide an insight until its condition clears and comes back')
    .argument('<key>', 'the insight key, e.g. P5 or P1-<practice id>')
    .action(async (key: string, _opts: unknown, cmd: Command) => {
      const conn = await ctx.connect(cmd);
      await conn.client.insights.dismiss(key);
      ctx.out.line(`Dismissed ${key}.`);
    });
};
