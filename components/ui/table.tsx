import { cn } from "@/lib/cn";
import { Card } from "./card";

// Table parts with the dashboard's one look. Plain rows carry no ARIA state; a row the keyboard
// has picked says so with aria-current (a table is not a listbox, so no aria-selected).

/** `framed`: a bordered card of its own; otherwise it sits edge to edge inside a Panel. */
export function Table({
  framed = true,
  className,
  children,
  ...props
}: React.ComponentProps<"table"> & { framed?: boolean }) {
  const table = (
    <table className={cn("min-w-full text-sm", className)} {...props}>
      {children}
    </table>
  );
  return framed ? (
    <Card className="self-start overflow-x-auto">{table}</Card>
  ) : (
    <div className="-mx-4 overflow-x-auto">{table}</div>
  );
}

export function THead({ className, ...props }: React.ComponentProps<"thead">) {
  return (
    <thead
      className={cn(
        "bg-subtle text-left text-xs font-semibold tracking-wide text-muted uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-border", className)} {...props} />;
}

export function TRow({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr className={className} {...props} />;
}

export function TH({
  align,
  className,
  ...props
}: React.ComponentProps<"th"> & { align?: "right" }) {
  return (
    <th
      scope="col"
      className={cn("px-4 py-2.5", align === "right" && "text-right", className)}
      {...props}
    />
  );
}

export function TCell({
  align,
  className,
  ...props
}: React.ComponentProps<"td"> & { align?: "right" }) {
  return (
    <td
      className={cn("px-4 py-2.5", align === "right" && "text-right tabular-nums", className)}
      {...props}
    />
  );
}
