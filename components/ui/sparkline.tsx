/** A small bar chart of daily counts; the numbers are in the label for screen readers. */
export function Sparkline({
  values,
  days,
  label,
  className = "text-accent",
}: {
  values: number[];
  days: string[];
  label: string;
  className?: string;
}) {
  const max = Math.max(1, ...values);
  const width = values.length * 4;
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <svg
      viewBox={`0 0 ${width} 24`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${label}: ${total} in ${values.length} days`}
      className={`h-6 w-32 ${className}`}
    >
      {values.map((value, i) => (
        <rect
          key={days[i] ?? i}
          x={i * 4}
          y={24 - (value / max) * 24}
          width={3}
          height={(value / max) * 24}
          fill="currentColor"
        >
          <title>{`${days[i]}: ${value}`}</title>
        </rect>
      ))}
    </svg>
  );
}
