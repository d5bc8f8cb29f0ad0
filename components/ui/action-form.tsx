"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/action-state";

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
          className={`basis-full text-xs ${state.ok ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
