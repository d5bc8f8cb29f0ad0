"use client";

import { useActionState } from "react";
import { reprocessAction, type ReprocessState } from "@/app/(dashboard)/events/actions";

export function ReprocessButton({ webhookId }: { webhookId: string }) {
  const [state, action, pending] = useActionState<ReprocessState, FormData>(reprocessAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="webhookId" value={webhookId} />
      <button type="submit" disabled={pending} className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800">
        {pending ? "Reprocessing…" : "Reprocess"}
      </button>
      {state ? <span role="status" className={`text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>{state.message}</span> : null}
    </form>
  );
}
