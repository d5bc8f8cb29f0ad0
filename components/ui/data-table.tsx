import { TBody, TH, THead, Table } from "./table";

// A table from a list of column headings; rows are the caller's <TRow>s.

export type Column = string | { label: string; align?: "right"; hidden?: boolean };

function HeaderCell({ column, className }: { column: Column; className?: string }) {
  const { label, align, hidden } =
    typeof column === "string" ? { label: column, align: undefined, hidden: false } : column;
  return (
    <TH align={align} className={className}>
      {hidden ? <span className="sr-only">{label}</span> : label}
    </TH>
  );
}

export function DataTable({
  columns,
  children,
  framed = true,
  caption,
  bodyClassName,
  headerCellClassName,
}: {
  columns: Column[];
  children: React.ReactNode;
  framed?: boolean;
  caption?: string;
  bodyClassName?: string;
  /** For tables whose cells are padded tighter than the default, so headings line up with them. */
  headerCellClassName?: string;
}) {
  return (
    <Table framed={framed}>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <THead>
        <tr>
          {columns.map((column) => (
            <HeaderCell
              key={typeof column === "string" ? column : column.label}
              column={column}
              className={headerCellClassName}
            />
          ))}
        </tr>
      </THead>
      <TBody className={bodyClassName}>{children}</TBody>
    </Table>
  );
}
