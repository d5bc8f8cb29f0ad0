import { formatExact, formatRelative } from "@/lib/format";

/** Relative time, exact UTC time on hover and for assistive technology. */
export function TimeAgo({ date, now }: { date: Date; now?: Date }) {
  const exact = formatExact(date);
  return (
    <time dateTime={date.toISOString()} title={exact} className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}
