"use server";

import type { ActionState } from "@/lib/action-state";
import { requireActionViewer } from "@/lib/auth/guards";
import { formText, runAction } from "@/lib/run-action";
import { reprocessEvent } from "@/lib/webhooks/reprocess";

/** The Reprocess button (admins): parse a stored invalid delivery again with today's code. */
export async function reprocessAction(
  _previous: ActionState,
  form: FormData,
): Promise<ActionState> {
  const viewer = await requireActionViewer("events:reprocess");
  const id = formText(form, "webhookId");
  if (!id) return { ok: false, message: "No event given." };
  // Every outcome re-renders the list (runAction revalidates after the work), as before: even a
  // delivery still invalid may have a new error to show.
  return runAction("/events", async () => {
    const result = await reprocessEvent(viewer, id);
    if (result.outcome === "invalid")
      return { ok: false, message: `Still invalid: ${result.error}` };
    if (result.outcome === "not_found")
      return { ok: false, message: "This event no longer exists." };
    if (result.outcome === "body_removed")
      return { ok: false, message: `Cannot reprocess: ${result.error}` };
    if (result.outcome === "not_invalid") return { ok: true, message: "Already processed." };
    return { ok: true, message: `Reprocessed: ${result.outcome}.` };
  });
}
