import { cn } from "@/lib/cn";
import type { Tone } from "@/lib/grants/labels/status";

const VARIANTS = {
  warning: "bg-warning-soft text-warning-text",
  success: "bg-success-soft text-success-text",
  danger: "bg-danger-soft text-danger-text",
  neutral: "bg-neutral-soft text-neutral-text",
  muted: "bg-subtle text-muted",
} as const;

export type BadgeVariant = keyof typeof VARIANTS;

/** The status maps in lib/ speak in tones; this is where a tone becomes a badge variant. */
const TONE_VARIANTS: Record<Tone, BadgeVariant> = {
  amber: "warning",
  emerald: "success",
  rose: "danger",
  slate: "neutral",
  zinc: "muted",
};

export function Badge({
  tone,
  variant,
  className,
  ...props
}: React.ComponentProps<"span"> & { tone?: Tone; variant?: BadgeVariant }) {
  const resolved = variant ?? (tone ? TONE_VARIANTS[tone] : "neutral");
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-current/20 ring-inset",
        VARIANTS[resolved],
        className,
      )}
      {...props}
    />
  );
}
