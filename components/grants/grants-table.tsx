"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isTypingTarget } from "@/components/layout/keyboard";
import { DataTable } from "@/components/ui/data-table";
import { TCell, TRow } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { IntegrationLabel } from "./integration-label";
import type { GrantTableRow } from "./grant-rows";
import { StatusBadge } from "./status-badge";
import { WhoAndWhatCell } from "./who-and-what";

const COLUMNS = [
  "Status",
  "Grant",
  "Integration",
  "Customer / entitlement",
  "Reason / error",
  "License key",
  "Updated",
];

/** j / k move the picked row, Enter opens it. */
function usePickedRow(rows: GrantTableRow[]) {
  const router = useRouter();
  const [picked, setPicked] = useState(-1);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTypingTarget(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        setPicked((current) => {
          const next =
            event.key === "j" ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
          rowRefs.current[next]?.scrollIntoView({ block: "nearest" });
          return next;
        });
      } else if (event.key === "Enter" && picked >= 0 && rows[picked]) {
        event.preventDefault();
        router.push(`/grants/${encodeURIComponent(rows[picked].id)}`);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, picked, router]);
  return { picked, rowRefs };
}

/** The grants table. The row picked with j / k carries aria-current, not aria-selected: a table
 * row is not an option in a listbox. */
export function GrantsTable({ rows }: { rows: GrantTableRow[] }) {
  const { picked, rowRefs } = usePickedRow(rows);
  return (
    <DataTable
      columns={COLUMNS}
      headerCellClassName="px-3"
      caption="Grants. Press j and k to move through the rows and Enter to open one."
    >
      {rows.map((row, index) => (
        <TRow
          key={row.id}
          ref={(element) => {
            rowRefs.current[index] = element;
          }}
          aria-current={index === picked ? "true" : undefined}
          className={
            index === picked
              ? "bg-accent-soft outline-2 -outline-offset-2 outline-ring"
              : "hover:bg-subtle"
          }
        >
          <TCell className="px-3">
            <StatusBadge status={row.status} />
          </TCell>
          {/* Long ids wrap, so the Updated column still fits beside them at 1280 px. */}
          <TCell className="max-w-60 px-3 font-mono text-xs break-all">
            <TextLink href={`/grants/${encodeURIComponent(row.id)}`}>{row.id}</TextLink>
          </TCell>
          <TCell className="px-3">
            <IntegrationLabel type={row.integrationType} />
          </TCell>
          <TCell className="max-w-64 px-3 py-2 break-words">
            <WhoAndWhatCell row={row} />
          </TCell>
          <TCell className="px-3 font-mono text-xs">
            {row.detail ? (
              <span className={row.detail.kind === "error" ? "text-danger-text" : undefined}>
                {row.detail.value}
              </span>
            ) : (
              <span className="text-faint">—</span>
            )}
          </TCell>
          <TCell className="px-3 font-mono text-xs">
            {row.maskedKey ?? <span className="text-faint">—</span>}
          </TCell>
          <TCell className="px-3 text-muted">
            <time dateTime={row.updatedIso} title={row.updatedExact} className="whitespace-nowrap">
              {row.updatedRelative}
            </time>
          </TCell>
        </TRow>
      ))}
    </DataTable>
  );
}
