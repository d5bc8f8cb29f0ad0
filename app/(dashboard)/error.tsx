"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/**
 * A page that could not load (most often: the database is unreachable). Says so plainly and
 * offers a retry; production builds never show the stack, only Next's digest for the logs.
 */
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    // The server logs the error itself. Here only what identifies it: an error thrown in the
    // browser keeps its message, and a message can carry what was searched.
    console.error(
      `page failed to load: ${error.digest ? `reference ${error.digest}` : error.name}`,
    );
  }, [error]);
  return (
    <Card role="alert" tone="danger" className="p-6">
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-muted">
        Grantdesk could not read its data. If it keeps happening, check that the database is
        reachable (<code className="font-mono">/api/health</code> says whether it is). Webhooks that
        arrive meanwhile are answered 503 and Dodo retries them, so none are lost.
      </p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-faint">Reference: {error.digest}</p>
      ) : null}
      <Button onClick={reset} className="mt-4">
        Try again
      </Button>
    </Card>
  );
}
