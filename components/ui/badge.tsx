import type { Tone } from "@/lib/grants/labels/status";

const TONE_CLASSES: Record<Tone, string> = {
  amber:
    "bg-amber-100 text-amber-900 ring-amber-600/20 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/30",
  emerald:
    "bg-emerald-100 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/30",
  rose: "bg-rose-100 text-rose-900 ring-rose-600/20 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30",
  slate:
    "bg-slate-200 text-slate-800 ring-slate-600/20 dark:bg-slate-400/10 dark:text-slate-300 dark:ring-slate-400/30",
  zinc: "bg-zinc-100 text-zinc-800 ring-zinc-600/20 dark:bg-zinc-400/10 dark:text-zinc-300 dark:ring-zinc-400/30",
};

export function Badge({
  tone,
  children,
  title,
}: {
  tone: Tone;
  children: React.ReactNode;
  title?: string;
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE_CLASSES[tone]}`}
    >
      {children}
    </span>
  );
}
