import { cn } from "@/lib/cn";

const TONES = {
  default: "border-border",
  danger: "border-danger-border",
  warning: "border-warning-border",
} as const;

export type CardTone = keyof typeof TONES;

/** The card look, for elements that are not a <div> (a <section>, a <form>). */
export function cardVariants({
  tone = "default",
  className,
}: { tone?: CardTone; className?: string } = {}) {
  return cn("rounded-lg border bg-surface", TONES[tone], className);
}

/** A bordered surface: panels, filter bars, framed tables. */
export function Card({
  tone,
  className,
  ...props
}: React.ComponentProps<"div"> & { tone?: CardTone }) {
  return <div className={cardVariants({ tone, className })} {...props} />;
}
