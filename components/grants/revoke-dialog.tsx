"use client";

import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
      <Button
        variant="danger-outline"
        disabled={disabledReason !== null}
        title={disabledReason ?? undefined}
        onClick={() => dialog.current?.showModal()}
      >
        Revoke…
      </Button>
      {state ? (
        <p
          role="status"
          className={`text-xs ${state.ok ? "text-success-text" : "text-danger-text"}`}
        >
          {state.message}
        </p>
      ) : null}
      <Dialog ref={dialog} aria-labelledby="revoke-title">
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
            <Alert role="alert" variant="danger">
              {state.message}
            </Alert>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Revoking…" : `Revoke access of ${customerId}`}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
