import { cn } from "@/lib/cn";

/** A native modal <dialog>: the browser traps focus, closes it on Escape and restores focus to
 * the opener. Open it with `ref.current.showModal()`. */
export function Dialog({ className, ...props }: React.ComponentProps<"dialog">) {
  return (
    <dialog
      className={cn(
        "m-auto max-w-md rounded-xl border border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-slate-900/50",
        className,
      )}
      {...props}
    />
  );
}
