import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";

const VARIANTS = {
  primary: "bg-accent text-accent-fg shadow-sm hover:bg-accent-hover",
  secondary: "border border-border-strong bg-surface text-fg shadow-sm hover:bg-subtle",
  danger: "bg-danger text-white shadow-sm hover:bg-danger-hover",
  "danger-outline":
    "border border-danger-border bg-surface text-danger-text shadow-sm hover:bg-danger-soft",
  ghost: "text-muted hover:bg-subtle hover:text-fg",
} as const;

const SIZES = {
  sm: "gap-1 rounded px-2 py-0.5 text-xs",
  md: "gap-2 rounded-md px-3 py-1.5 text-sm",
  lg: "w-full justify-center gap-2 rounded-md px-3 py-2 text-sm",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

/** The button look, for links that act as buttons (`<Link className={buttonVariants()}>`). */
export function buttonVariants({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex items-center font-medium disabled:cursor-not-allowed disabled:opacity-50",
    focusRing,
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: React.ComponentProps<"button"> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonVariants({ variant, size, className })} {...props} />;
}
