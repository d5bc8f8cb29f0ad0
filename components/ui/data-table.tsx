// The dashboard's tables: one header style, one body style, horizontally scrollable on narrow
// screens. Rows are the caller's <tr>s.

export type Column = string | { label: string; align?: "right"; hidden?: boolean };

function HeaderCell({ column }: { column: Column }) {
  const { label, align, hidden } =
    typeof column === "string" ? { label: column, align: undefined, hidden: false } : column;
  return (
    <th scope="col" className={`px-4 py-2.5 ${align === "right" ? "text-right" : ""}`}>
      {hidden ? <span className="sr-only">{label}</span> : label}
    </th>
  );
}

/** `framed`: a bordered card of its own; otherwise it sits inside a Panel. */
export function DataTable({
  columns,
  children,
  framed = true,
}: {
  columns: Column[];
  children: React.ReactNode;
  framed?: boolean;
}) {
  return (
    <div
      className={
        framed
          ? "self-start overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
          : "-mx-4 overflow-x-auto"
      }
    >
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            {columns.map((column) => (
              <HeaderCell
                key={typeof column === "string" ? column : column.label}
                column={column}
              />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">{children}</tbody>
      </table>
    </div>
  );
}
