"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { focusRing } from "@/components/ui/focus-ring";
import { cn } from "@/lib/cn";
import { formatCount } from "@/lib/grants/count-cap";

const POLL_MS = 10_000;

/**
 * Says how many grants changed since the page was opened instead of moving rows under the
 * reader's cursor; Refresh re-renders the page on the server, which resets the count.
 */
export function LiveChanges({ since, query }: { since: string; query: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const separator = query ? "&" : "?";
  const { data } = useQuery({
    queryKey: ["grant-changes", query, since],
    queryFn: async () => {
      const response = await fetch(
        `/api/v1/grants/changes${query}${separator}since=${encodeURIComponent(since)}`,
      );
      if (!response.ok) throw new Error(`changes: ${response.status}`);
      return (await response.json()) as { changed: number; capped: boolean };
    },
    refetchInterval: POLL_MS,
  });
  const changed = data?.changed ?? 0;
  // A capped count is one past the cap, which formatCount shows as "10,000+".
  const label = formatCount(data?.capped ? changed + 1 : changed);
  return (
    <div aria-live="polite" className="mb-3 min-h-0">
      {changed > 0 ? (
        <Alert variant="info" className="flex items-center justify-between gap-3 px-4 py-2">
          <span>
            {changed === 1 ? "1 grant new or updated" : `${label} grants new or updated`} since you
            opened this page.
          </span>
          <button
            type="button"
            onClick={() => startRefresh(() => router.refresh())}
            disabled={refreshing}
            className={cn(
              "rounded-sm font-medium underline underline-offset-2 disabled:opacity-50",
              focusRing,
            )}
          >
            {refreshing ? "Refreshing…" : "Show them"}
          </button>
        </Alert>
      ) : null}
    </div>
  );
}
