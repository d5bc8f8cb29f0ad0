import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";

/** The look of every text field and select, so they line up in a row of filters. */
export const controlClass = cn(
  "block w-full rounded-md border border-border-strong bg-surface px-2.5 py-1.5 text-sm text-fg shadow-sm placeholder:text-faint",
  focusRing,
  "focus-visible:outline-offset-0",
);

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(controlClass, className)} {...props} />;
}

export function Select({ className, ...props }: React.ComponentProps<"select">) {
  return <select className={cn(controlClass, className)} {...props} />;
}

/** A control with its label above it; the label wraps the control, so no id is needed. */
export function Field({
  label,
  className,
  children,
  ...props
}: React.ComponentProps<"label"> & { label: React.ReactNode }) {
  return (
    <label className={cn("block text-xs font-medium text-muted", className)} {...props}>
      {label}
      <span className="mt-1 block">{children}</span>
    </label>
  );
}
