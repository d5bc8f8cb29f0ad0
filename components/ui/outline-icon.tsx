import { cn } from "@/lib/cn";

/** A 24×24 stroked glyph drawn inline, so the app needs no icon package or network. Decorative:
 * the text beside it says what it means. */
export function OutlineIcon({ path, className }: { path: string; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={cn("shrink-0", className)}
    >
      <path d={path} />
    </svg>
  );
}
