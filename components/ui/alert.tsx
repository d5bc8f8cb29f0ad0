import { cn } from "@/lib/cn";

const VARIANTS = {
  info: "border-info-border bg-info-soft text-info-text",
  warning: "border-warning-border bg-warning-soft text-warning-text",
  danger: "border-danger-border bg-danger-soft text-danger-text",
  success: "border-success-border bg-success-soft text-success-text",
} as const;

export type AlertVariant = keyof typeof VARIANTS;

/** A boxed message. The caller picks the role: `alert` for errors the person must see now,
 * `status` for news that can wait. */
export function Alert({
  variant = "info",
  className,
  ...props
}: React.ComponentProps<"div"> & { variant?: AlertVariant }) {
  return (
    <div
      className={cn("rounded-md border px-3 py-2 text-sm", VARIANTS[variant], className)}
      {...props}
    />
  );
}
