export function Panel({
  title,
  children,
  tone = "default",
  actions,
}: {
  title: string;
  children: React.ReactNode;
  tone?: "default" | "danger" | "warning";
  actions?: React.ReactNode;
}) {
  const border =
    tone === "danger"
      ? "border-rose-300 dark:border-rose-900"
      : tone === "warning"
        ? "border-amber-300 dark:border-amber-900"
        : "border-slate-200 dark:border-slate-800";
  return (
    <section
      aria-label={title}
      className={`rounded-lg border bg-white p-5 dark:bg-slate-900 ${border}`}
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A two-column list of facts. */
export function Facts({ items }: { items: [label: string, value: React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,max-content)_1fr] gap-x-4 gap-y-2 text-sm">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
