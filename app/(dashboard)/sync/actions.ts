"use server";

import { after } from "next/server";
import type { ActionState } from "@/lib/action-state";
import { requireActionViewer } from "@/lib/auth/guards";
import { dodoUnavailableReason } from "@/lib/dodo/client";
import { executeSync } from "@/lib/dodo/sync";
import { beginSync } from "@/lib/dodo/sync-runs";
import { runAction } from "@/lib/run-action";

/**
 * Starts a sync and answers at once; the run goes on after the response (the page polls it). On
 * Vercel, `after()` lives only as long as the page's `maxDuration` (set in ./page.tsx, which is
 * where a server action's time limit is configured): a longer sync is cut off there, its
 * heartbeat stops, and the next run resumes where it got to.
 */
export async function startSyncAction(
  _previous: ActionState,
  _form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("sync:run");
  const unavailable = dodoUnavailableReason();
  if (unavailable) return { ok: false, message: unavailable };
  return runAction("/sync", async () => {
    const runId = await beginSync(viewer, "dashboard");
    after(async () => {
      await executeSync(viewer, runId);
    });
    return { ok: true, message: "Sync started. This page updates as it runs." };
  });
}
