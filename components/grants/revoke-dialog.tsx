"use client";

import { useActionState, useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/form-controls";
import type { ActionState, FormAction } from "@/lib/action-state";

/** Revoke behind a confirmation naming the customer and what they lose. */
export function RevokeDialog({
  grantId,
  customerId,
  consequence,
  action,
  disabledReason,
}: {
  grantId: string;
  customerId: string;
  consequence: string;
  action: FormAction;
  disabledReason: string | null;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useEffect(() => {
    if (state?.ok) dialog.current?.close();
  }, [state]);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={disabledReason !== null}
        title={disabledReason ?? undefined}
        onClick={() => dialog.current?.showModal()}
        className="inline-flex items-center gap-2 rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 shadow-sm hover:bg-rose-50 disabled:opacity-50 dark:border-rose-800 dark:bg-slate-900 dark:text-rose-300"
      >
        Revoke…
      </button>
      {state ? (
        <p
          role="status"
          className={`text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}
        >
          {state.message}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="revoke-title"
        className="m-auto max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <form action={formAction} className="space-y-4 p-6">
          <input type="hidden" name="grantId" value={grantId} />
          <h2 id="revoke-title" className="text-lg font-semibold">
            Revoke this grant?
          </h2>
          <p className="text-sm">
            Customer <code className="font-mono">{customerId}</code> loses access: {consequence}{" "}
            Dodo records the reason as <code className="font-mono">manual</code>; the payment or
            subscription is not refunded or cancelled.
          </p>
          {state && !state.ok ? (
            <p
              role="alert"
              className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200"
            >
              {state.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className={buttonClass.secondary}
            >
              Cancel
            </button>
            <button
              type="submit"
              disabled={pending}
              className="inline-flex items-center rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:bg-rose-500 disabled:opacity-50"
            >
              {pending ? "Revoking…" : `Revoke access of ${customerId}`}
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
