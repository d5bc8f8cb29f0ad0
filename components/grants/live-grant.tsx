"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { fromGrantJson } from "@/lib/api/grant-json";
import { grantJsonSchema } from "@/lib/api/v1-schemas";
import { Alert } from "@/components/ui/alert";

/** Polls the grant's JSON; when new deliveries arrived, offers to show them (no jumping page). */
export function LiveGrant({ grantId, deliveryCount }: { grantId: string; deliveryCount: number }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const { data } = useQuery({
    queryKey: ["grant", grantId],
    queryFn: async () => {
      const response = await fetch(`/api/v1/grants/${encodeURIComponent(grantId)}`);
      if (!response.ok) throw new Error(`grant: ${response.status}`);
      return fromGrantJson(grantJsonSchema.parse(await response.json()));
    },
    refetchInterval: 10_000,
  });
  const fresh = data ? data.deliveries.length - deliveryCount : 0;
  if (fresh <= 0) return null;
  return (
    <Alert aria-live="polite" className="flex items-center gap-3">
      {fresh === 1 ? "1 new delivery" : `${fresh} new deliveries`} since you opened this page.
      <button
        type="button"
        onClick={() => startRefresh(() => router.refresh())}
        disabled={refreshing}
        className="font-medium underline underline-offset-2"
      >
        {refreshing ? "Refreshing…" : "Show"}
      </button>
    </Alert>
  );
}
