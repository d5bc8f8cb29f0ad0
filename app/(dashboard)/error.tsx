"use client";

import { useEffect } from "react";

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
    <div
      role="alert"
      className="rounded-lg border border-rose-300 bg-white p-6 dark:border-rose-900 dark:bg-slate-900"
    >
      <h1 className="text-lg font-semibold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Grantdesk could not read its data. If it keeps happening, check that the database is
        reachable (<code className="font-mono">/api/health</code> says whether it is). Webhooks that
        arrive meanwhile are answered 503 and Dodo retries them, so none are lost.
      </p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">Reference: {error.digest}</p>
      ) : null}
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
      >
        Try again
      </button>
    </div>
  );
}
