import type { StrengthDto } from '@tack/contracts';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatIso, mediumDate, percent } from './lib.ts';

/** Strength over the last year, 0–100%. The chart is drawn for the eyes; the caption says it in words. */
export function StrengthChart({ strength }: { strength: StrengthDto }) {
  const data = strength.points.map((p) => ({ date: p.date, score: Math.round(p.score * 1000) / 10 }));
  // One tick per month, on its first day.
  const monthTicks = data.filter((p) => p.date.endsWith('-01')).map((p) => p.date);
  const first = strength.points[0];
  const last = strength.points.at(-1);
  const best = strength.points.reduce<{ date: string; score: number } | undefined>(
    (b, p) => (!b || p.score > b.score ? p : b),
    undefined,
  );
  const summary =
    first && last && best
      ? `Strength went from ${percent(first.score)} on ${mediumDate(first.date)} to ${percent(last.score)} on ${mediumDate(
          last.date,
        )}; the highest was ${percent(best.score)} on ${mediumDate(best.date)}.`
      : 'No strength yet.';
  return (
    <figure className="strength-chart">
      <div className="strength-chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) => formatIso(d, { month: 'short' })}
              ticks={monthTicks}
              interval="preserveStartEnd"
              tickLine={false}
            />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tickLine={false}
            />
            <Tooltip
              formatter={(v) => [`${String(v)}%`, 'Strength']}
              labelFormatter={(d) => mediumDate(String(d))}
              contentStyle={{
                background: 'var(--surface)',
                borderColor: 'var(--border)',
                borderRadius: 8,
                color: 'var(--text)',
              }}
            />
            <Line
              type="monotone"
              dataKey="score"
              stroke="currentColor"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">{summary}</figcaption>
    </figure>
  );
}
