import Link from "next/link";
import { cn } from "@/lib/cn";
import { cardVariants } from "@/components/ui/card";
import { focusRing } from "@/components/ui/focus-ring";

const TONES = { warning: "text-warning-text", danger: "text-danger-text" } as const;

/** One key figure, linking to the list it counts. */
export function Kpi({
  label,
  value,
  hint,
  href,
  tone,
}: {
  label: string;
  value: string | number;
  hint?: string;
  href: string;
  tone?: keyof typeof TONES;
}) {
  return (
    <Link
      href={href}
      className={cardVariants({ className: cn("p-4 hover:border-ring", focusRing) })}
    >
      <p className="text-sm text-muted">{label}</p>
      <p className={cn("mt-1 text-2xl font-semibold tabular-nums", tone && TONES[tone])}>
        {typeof value === "number" ? value.toLocaleString("en-US") : value}
      </p>
      {hint ? <p className="text-xs text-faint">{hint}</p> : null}
    </Link>
  );
}
