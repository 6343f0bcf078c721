import type { StrengthDto } from '@tack/contracts';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatIso, mediumDate, strengthPointsFrom, strengthSummary } from './lib.ts';

/**
 * Strength over the last year, 0–100%, from the practice's first day when it began within the year.
 * The chart is drawn for the eyes; the caption says it in words.
 */
export function StrengthChart({ strength, start }: { strength: StrengthDto; start?: string | undefined }) {
  const points = strengthPointsFrom(strength.points, start);
  const data = points.map((p) => ({ date: p.date, score: Math.round(p.score * 1000) / 10 }));
  // One tick per month, on its first day; a practice younger than two months gets its first and last day.
  const monthTicks = data.filter((p) => p.date.endsWith('-01')).map((p) => p.date);
  const short = monthTicks.length < 2;
  const ticks = short ? [data[0]?.date, data.at(-1)?.date].filter((d): d is string => !!d) : monthTicks;
  const summary = strengthSummary(points);
  return (
    <figure className="strength-chart">
      <div className="strength-chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis
              dataKey="date"
              tickFormatter={(d: string) =>
                short ? formatIso(d, { month: 'short', day: 'numeric' }) : formatIso(d, { month: 'short' })
              }
              ticks={ticks}
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
