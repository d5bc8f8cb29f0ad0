"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/action-state";
import { cn } from "@/lib/cn";

/** A form bound to a server action that answers with a message, shown next to the controls. */
export function ActionForm({
  action,
  children,
  className = "flex flex-wrap items-center gap-2",
}: {
  action: FormAction;
  children: React.ReactNode;
  className?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {state ? (
        <p
          role="status"
          className={cn("basis-full text-xs", state.ok ? "text-success-text" : "text-danger-text")}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
