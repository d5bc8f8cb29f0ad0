// Created / delivered / failed / revoked per day, as lines on one chart. Plain SVG, with the data
// also in a visually hidden table for screen readers.

type Series = { label: string; values: number[]; colour: string };

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 10, right: 10, bottom: 24, left: 36 };

export function DailyChart({ days, series }: { days: string[]; series: Series[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) =>
    PAD.left + (i / Math.max(1, days.length - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, Math.round(max / 2), max];
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Grants per day over the last ${days.length} days`}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
              className="stroke-border"
            />
            <text
              x={PAD.left - 6}
              y={y(tick) + 4}
              textAnchor="end"
              className="fill-faint text-[10px]"
            >
              {tick}
            </text>
          </g>
        ))}
        {[0, Math.floor(days.length / 2), days.length - 1].map((i) => (
          <text
            key={i}
            x={x(i)}
            y={HEIGHT - 6}
            textAnchor={i === 0 ? "start" : i === days.length - 1 ? "end" : "middle"}
            className="fill-faint text-[10px]"
          >
            {days[i]?.slice(5)}
          </text>
        ))}
        {series.map((s) => (
          <polyline
            key={s.label}
            fill="none"
            strokeWidth={2}
            strokeLinejoin="round"
            className={s.colour}
            stroke="currentColor"
            points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
          />
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-muted">
        {series.map((s) => (
          <span key={s.label} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className={`inline-block h-2 w-4 rounded ${s.colour} bg-current`}
            />
            {s.label} ({s.values.reduce((a, b) => a + b, 0)})
          </span>
        ))}
      </figcaption>
      <table className="sr-only">
        <caption>Grants per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {days.map((day, i) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {series.map((s) => (
                <td key={s.label}>{s.values[i]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
