import { useId } from 'react';
import { useT, formatNumber } from '../i18n/i18n';

export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface ChartRow {
  label: string;
  /** A missing value (e.g. a median without data) draws no bar and reads "—" in the table. */
  values: Record<string, number | null | undefined>;
}

// Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart also by the table.
export const PALETTE = ['#0b6e4f', '#1f5fa8', '#b35900', '#7a3e9d', '#a4161a', '#4a5a63', '#00787a', '#8a6d00'];

/**
 * A horizontal (stacked) bar chart drawn as SVG, with a title the screen reader reads and the
 * same numbers as a table under "Show as table".
 */
export function BarChart({
  title,
  rows,
  series,
  digits = 0,
  max,
  labelWidth = 150,
  unit = '',
}: {
  title: string;
  rows: ChartRow[];
  series: Series[];
  digits?: number;
  max?: number;
  /** Room for the row labels, in SVG units of the 640-wide chart. */
  labelWidth?: number;
  /** Appended to the numbers at the bar ends, e.g. " %" or " km". */
  unit?: string;
}) {
  const t = useT();
  const id = useId();
  const width = 640;
  const barHeight = 22;
  const gap = 8;
  const total = (r: ChartRow) => series.reduce((s, x) => s + Math.max(0, r.values[x.key] ?? 0), 0);
  const known = (r: ChartRow) => series.some((x) => r.values[x.key] !== undefined && r.values[x.key] !== null);
  const show = (v: number | null | undefined) => (v === undefined || v === null ? '—' : formatNumber(v, digits));
  const top = max ?? Math.max(1, ...rows.map(total));
  const valueText = (r: ChartRow) => (known(r) ? formatNumber(total(r), digits) + unit : '—');
  // Room after the longest bar for its number (about 9.5 units a character at the labels' size):
  // a fixed 60 cut "1,406 km" short.
  const valueRoom = Math.max(60, 12 + 9.5 * Math.max(...rows.map((r) => valueText(r).length)));
  const plot = width - labelWidth - valueRoom;
  const height = rows.length * (barHeight + gap) + gap;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {rows.length === 0 ? (
        <p className="empty">{t('chart.noData')}</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} preserveAspectRatio="xMinYMin meet">
            {rows.map((r, i) => {
              let x = labelWidth;
              const y = gap + i * (barHeight + gap);
              return (
                <g key={r.label}>
                  <text x={labelWidth - 8} y={y + barHeight * 0.7} textAnchor="end" className="chart-label">
                    {r.label}
                  </text>
                  {series.map((s) => {
                    const v = Math.max(0, r.values[s.key] ?? 0);
                    const w = (v / top) * plot;
                    const rect = (
                      <rect key={s.key} x={x} y={y} width={w} height={barHeight} fill={s.color}>
                        <title>{`${r.label} · ${s.label}: ${formatNumber(v, digits)}`}</title>
                      </rect>
                    );
                    x += w;
                    return rect;
                  })}
                  <text x={x + 6} y={y + barHeight * 0.7} className="chart-value">
                    {valueText(r)}
                  </text>
                </g>
              );
            })}
          </svg>
          {series.length > 1 && (
            <ul className="legend">
              {series.map((s) => (
                <li key={s.key}>
                  <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
                  {s.label}
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary>{t('chart.showTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('chart.category')}</th>
                  {series.map((s) => (
                    <th key={s.key} scope="col">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row">{r.label}</th>
                    {series.map((s) => (
                      <td key={s.key}>{show(r.values[s.key])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
