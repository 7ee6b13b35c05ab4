/** One line of a chart: a name and its values by date (YYYY-MM-DD). */
export interface Series {
  name: string;
  points: Array<{ date: string; value: number }>;
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };
const COLOURS = ['#0b5cad', '#1d6b35', '#8a4b00', '#6a2c91', '#a3001b', '#00656b', '#4a5360'];

/**
 * A line chart of values over dates, drawn as inline SVG (no chart library), scaling to any
 * width. Screen readers get a summary and a table of the same values.
 */
export function LineChart({ title, series, max, unit }: { title: string; series: Series[]; max?: number; unit: string }) {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  if (dates.length === 0) return null;
  // Counts get an even top, so the middle grid line is a whole number too.
  const top = max ?? Math.max(2, Math.ceil(Math.max(...series.flatMap((s) => s.points.map((p) => p.value))) / 2) * 2);
  const x = (date: string) => PAD.left + (dates.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (dates.indexOf(date) / (dates.length - 1)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const summary = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.value} on ${p.date}`).join(', ')}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`}>
        {[0, 0.5, 1].map((f) => (
          <g key={f} aria-hidden="true">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(top * f)} y2={y(top * f)} className="grid" />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end">{Math.round(top * f)}</text>
          </g>
        ))}
        {[...new Set([dates[0]!, dates.at(-1)!])].map((d, i) => (
          <text key={`${d}-${i}`} x={x(d)} y={HEIGHT - 8} textAnchor={dates.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'} aria-hidden="true">{d.slice(5)}</text>
        ))}
        {series.map((s, i) => (
          <g key={s.name} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]} aria-hidden="true">
            <polyline fill="none" strokeWidth={2.5} points={s.points.map((p) => `${x(p.date)},${y(p.value)}`).join(' ')} />
            {s.points.map((p) => <circle key={p.date} cx={x(p.date)} cy={y(p.value)} r={4} />)}
          </g>
        ))}
      </svg>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => <li key={s.name}><span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />{s.name}</li>)}
      </ul>
      <table className="sr-only">
        <caption>{title} ({unit})</caption>
        <thead><tr><th scope="col">Series</th>{dates.map((d) => <th key={d} scope="col">{d}</th>)}</tr></thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.name}><th scope="row">{s.name}</th>{dates.map((d) => <td key={d}>{s.points.find((p) => p.date === d)?.value ?? '–'}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
