"use client";

import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { buttonClass } from "@/components/ui/form-controls";
import type { FormAction } from "@/lib/action-state";

/** Creates a key and shows it this once, with a copy button; the server keeps only its hash. */
export function CreateApiKeyForm({ action }: { action: FormAction<{ key: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3">
        <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          Name: what will use it
          <input
            name="name"
            required
            maxLength={80}
            placeholder="e.g. Support bot, nightly export"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <button type="submit" disabled={pending} className={buttonClass.primary}>
          {pending ? "Creating…" : "Create key"}
        </button>
      </form>
      {state ? (
        <div
          role="status"
          className={`rounded-md p-3 text-sm ${state.ok ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : "bg-rose-50 text-rose-800 dark:bg-rose-950 dark:text-rose-200"}`}
        >
          <p>{state.message}</p>
          {state.key ? (
            <div className="mt-2 flex items-start gap-2">
              <code
                data-testid="new-api-key"
                className="min-w-0 flex-1 rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 dark:bg-slate-900 dark:text-slate-100"
              >
                {state.key}
              </code>
              <CopyButton value={state.key} />
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
