/** Shown while a dashboard page's data loads on the server. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-6">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-48 rounded bg-neutral-soft" />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-24 rounded-lg bg-neutral-soft" />
        ))}
      </div>
      <div className="h-96 rounded-lg bg-neutral-soft" />
    </div>
  );
}
