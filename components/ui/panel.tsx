import { cardVariants, type CardTone } from "./card";

export function Panel({
  title,
  children,
  tone = "default",
  actions,
}: {
  title: string;
  children: React.ReactNode;
  tone?: CardTone;
  actions?: React.ReactNode;
}) {
  return (
    <section aria-label={title} className={cardVariants({ tone, className: "p-5" })}>
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
          <dt className="text-faint">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
