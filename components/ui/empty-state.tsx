export function EmptyState({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center dark:border-slate-700 dark:bg-slate-900">
      <p className="font-medium">{title}</p>
      {children ? (
        <div className="mt-2 text-sm text-slate-600 dark:text-slate-400">{children}</div>
      ) : null}
    </div>
  );
}
