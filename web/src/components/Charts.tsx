import { useEffect, useRef, useState, type RefObject } from 'react';

/** One line of a chart: a name and its values by date (YYYY-MM-DD). */
export interface Series {
  name: string;
  points: Array<{ date: string; value: number }>;
}

const HEIGHT = 220;
const PAD = { left: 40, right: 16, top: 14, bottom: 30 };
const COLOURS = ['#0b5cad', '#1d6b35', '#8a4b00', '#6a2c91', '#a3001b', '#00656b', '#4a5360'];
const DAY_MS = 86_400_000;
/** Points closer than this (px) on both axes would hide each other, so later series step aside. */
const POINT_GAP = 9;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dayLabel = (day: number) => new Date(day * DAY_MS).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Whole-day ticks spread over the range, at most `count` of them, always including the first day. */
export function dayTicks(first: number, last: number, count: number): number[] {
  if (last <= first) return [first];
  const step = Math.max(1, Math.ceil((last - first) / Math.max(1, count - 1)));
  const ticks: number[] = [];
  for (let d = first; d <= last; d += step) ticks.push(d);
  return ticks;
}

/** The chart's drawn width: its box in CSS pixels, so text keeps its size at any screen width. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.max(240, Math.round(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * A line chart of values over time, drawn as inline SVG (no chart library): dates sit on a time
 * axis (a gap of a week looks like one), text is drawn at its real size, and points that would
 * cover each other step aside. Screen readers get a summary and a table of the same values.
 */
export function LineChart({ title, series, max, unit }: { title: string; series: Series[]; max?: number; unit: string }) {
  const [box, width] = useWidth();
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  if (dates.length === 0) return null;
  // Counts get an even top, so the middle grid line is a whole number too.
  const top = max ?? Math.max(2, Math.ceil(Math.max(...series.flatMap((s) => s.points.map((p) => p.value))) / 2) * 2);
  const first = dayNumber(dates[0]!);
  const last = dayNumber(dates.at(-1)!);
  const plotWidth = width - PAD.left - PAD.right;
  const x = (date: string) => PAD.left + (last === first ? plotWidth / 2 : ((dayNumber(date) - first) / (last - first)) * plotWidth);
  const y = (value: number) => HEIGHT - PAD.bottom - (value / top) * (HEIGHT - PAD.top - PAD.bottom);
  const placed = placePoints(series, x, y);
  const ticks = dayTicks(first, last, Math.max(2, Math.floor(plotWidth / 90)));
  const summary = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.value} on ${p.date}`).join(', ')}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart-box">
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={`${title}. ${summary}`}>
          {[0, 0.5, 1].map((f) => (
            <g key={f} aria-hidden="true">
              <line x1={PAD.left} x2={width - PAD.right} y1={y(top * f)} y2={y(top * f)} className="grid" />
              <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end">
                {Math.round(top * f)}
              </text>
            </g>
          ))}
          {ticks.map((d) => {
            const at = last === first ? PAD.left + plotWidth / 2 : PAD.left + ((d - first) / (last - first)) * plotWidth;
            const anchor = last === first ? 'middle' : d === first ? 'start' : at > width - PAD.right - 30 ? 'end' : 'middle';
            return (
              <g key={d} aria-hidden="true">
                <line x1={at} x2={at} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom + 4} className="tick" />
                <text x={at} y={HEIGHT - 10} textAnchor={anchor}>
                  {dayLabel(d)}
                </text>
              </g>
            );
          })}
          {placed.map((s, i) => (
            <g key={s.name} stroke={COLOURS[i % COLOURS.length]} fill={COLOURS[i % COLOURS.length]} aria-hidden="true">
              {s.points.length > 1 && <polyline fill="none" strokeWidth={2.5} points={s.points.map((p) => `${p.x},${p.y}`).join(' ')} />}
              {s.points.map((p) => (
                <circle key={p.date} cx={p.x} cy={p.y} r={4.5} stroke="#fff" strokeWidth={1.5} />
              ))}
            </g>
          ))}
        </svg>
      </div>
      <ul className="legend" aria-hidden="true">
        {series.map((s, i) => (
          <li key={s.name}>
            <span className="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {s.name}
          </li>
        ))}
      </ul>
      {/* A table is not clipped by its own overflow, so the visually hidden box wraps it. */}
      <div className="sr-only">
        <table>
          <caption>
            {title} ({unit})
          </caption>
          <thead>
            <tr>
              <th scope="col">Series</th>
              {dates.map((d) => (
                <th key={d} scope="col">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {dates.map((d) => (
                  <td key={d}>{s.points.find((p) => p.date === d)?.value ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Each point's position; a point that would land on an earlier series' point moves right by a few pixels. */
function placePoints(series: Series[], x: (date: string) => number, y: (value: number) => number) {
  const taken: Array<{ x: number; y: number }> = [];
  return series.map((s) => ({
    name: s.name,
    points: s.points.map((p) => {
      const at = { date: p.date, x: x(p.date), y: y(p.value) };
      while (taken.some((t) => Math.abs(t.x - at.x) < POINT_GAP && Math.abs(t.y - at.y) < POINT_GAP)) at.x += POINT_GAP;
      taken.push(at);
      return at;
    }),
  }));
}
