"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { isTypingTarget } from "@/components/layout/keyboard";
import { IntegrationLabel } from "./integration-label";
import type { GrantTableRow } from "./grant-rows";
import { StatusBadge } from "./status-badge";

/** The grants table; j / k move the selection, Enter opens the selected grant. */
export function GrantsTable({ rows }: { rows: GrantTableRow[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState(-1);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTypingTarget(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        setSelected((current) => {
          const next =
            event.key === "j" ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1);
          rowRefs.current[next]?.scrollIntoView({ block: "nearest" });
          return next;
        });
      } else if (event.key === "Enter" && selected >= 0 && rows[selected]) {
        event.preventDefault();
        router.push(`/grants/${encodeURIComponent(rows[selected].id)}`);
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [rows, selected, router]);

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">
          Grants. Press j and k to move through the rows and Enter to open one.
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-3">
              Status
            </th>
            <th scope="col" className="px-3 py-3">
              Grant
            </th>
            <th scope="col" className="px-3 py-3">
              Integration
            </th>
            <th scope="col" className="px-3 py-3">
              Customer / entitlement
            </th>
            <th scope="col" className="px-3 py-3">
              Reason / error
            </th>
            <th scope="col" className="px-3 py-3">
              License key
            </th>
            <th scope="col" className="px-3 py-3">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row, index) => (
            <tr
              key={row.id}
              ref={(element) => {
                rowRefs.current[index] = element;
              }}
              aria-selected={index === selected}
              className={
                index === selected
                  ? "bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-400 dark:bg-indigo-950/40"
                  : "hover:bg-slate-50 dark:hover:bg-slate-800/50"
              }
            >
              <td className="px-3 py-2.5">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-3 py-2.5 font-mono text-xs">
                <Link
                  href={`/grants/${encodeURIComponent(row.id)}`}
                  className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {row.id}
                </Link>
              </td>
              <td className="px-3 py-2.5">
                <IntegrationLabel type={row.integrationType} />
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                <span className="block">{row.customerId}</span>
                <span className="block text-slate-500 dark:text-slate-400">
                  {row.entitlementId}
                </span>
              </td>
              <td className="px-3 py-2.5 font-mono text-xs">
                {row.detail ? (
                  <span
                    className={
                      row.detail.kind === "error" ? "text-rose-700 dark:text-rose-300" : ""
                    }
                  >
                    {row.detail.value}
                  </span>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </td>
              <td className="px-3 py-2.5 font-mono text-xs">
                {row.maskedKey ?? <span className="text-slate-400">—</span>}
              </td>
              <td className="px-3 py-2.5 text-slate-600 dark:text-slate-400">
                <time
                  dateTime={row.updatedIso}
                  title={row.updatedExact}
                  className="whitespace-nowrap"
                >
                  {row.updatedRelative}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
