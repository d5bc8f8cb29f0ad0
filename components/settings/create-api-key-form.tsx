"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-state";

/** Creates a key and shows it this once, with a copy button; the server keeps only its hash. */
export function CreateApiKeyForm({ action }: { action: FormAction<{ key: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3">
        <Field label="Name: what will use it">
          <Input
            name="name"
            required
            maxLength={80}
            placeholder="e.g. Support bot, nightly export"
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      {state ? (
        <Alert role="status" variant={state.ok ? "success" : "danger"} className="p-3">
          <p>{state.message}</p>
          {state.key ? (
            <div className="mt-2 flex items-start gap-2">
              <code
                data-testid="new-api-key"
                className="min-w-0 flex-1 rounded bg-surface px-2 py-1 font-mono text-xs break-all text-fg"
              >
                {state.key}
              </code>
              <CopyButton value={state.key} />
            </div>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
