"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page from the server every few seconds while a sync is running. */
export function RefreshWhileRunning({
  running,
  everyMs = 2_000,
}: {
  running: boolean;
  everyMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everyMs);
    return () => clearInterval(timer);
  }, [running, everyMs, router]);
  return null;
}
