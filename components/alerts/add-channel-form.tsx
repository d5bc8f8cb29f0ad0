"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field, Input, Select } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-state";

type Kind = "slack" | "email" | "webhook";

function KindFields({ kind }: { kind: Kind }) {
  if (kind === "slack")
    return (
      <Field label="Incoming webhook URL (kept encrypted, not shown again)">
        <Input name="url" type="url" required placeholder="https://hooks.slack.com/services/…" />
      </Field>
    );
  if (kind === "webhook")
    return (
      <Field label="Endpoint URL (Grantdesk signs each POST with Standard Webhooks)">
        <Input name="url" type="url" required placeholder="https://ops.example.com/grantdesk" />
      </Field>
    );
  return (
    <>
      <div className="grid grid-cols-[1fr_6rem] gap-2">
        <Field label="SMTP host">
          <Input name="host" required placeholder="smtp.example.com" />
        </Field>
        <Field label="Port">
          <Input name="port" inputMode="numeric" defaultValue="587" />
        </Field>
      </div>
      <Field label="Security">
        <Select name="security" defaultValue="starttls">
          <option value="starttls">STARTTLS (587)</option>
          <option value="tls">TLS (465)</option>
          <option value="none">None (local relay only)</option>
        </Select>
      </Field>
      <Field label="User">
        <Input name="user" autoComplete="off" />
      </Field>
      <Field label="Password (kept encrypted, not shown again)">
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Field label="From">
        <Input name="from" type="email" required placeholder="grantdesk@shop.example" />
      </Field>
      <Field label="To (addresses, separated by commas)">
        <Input name="to" required placeholder="support@shop.example, ops@shop.example" />
      </Field>
    </>
  );
}

/** Adds a channel; for the generic webhook, shows the signing secret this once. */
export function AddChannelForm({ action }: { action: FormAction<{ signingSecret: string }> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [kind, setKind] = useState<Kind>("slack");
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3">
        <Field label="Kind">
          <Select
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as Kind)}
          >
            <option value="slack">Slack</option>
            <option value="email">Email (SMTP)</option>
            <option value="webhook">Webhook (signed)</option>
          </Select>
        </Field>
        <Field label="Name">
          <Input name="name" required maxLength={80} placeholder="e.g. #support-alerts" />
        </Field>
        <KindFields kind={kind} />
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add channel"}
        </Button>
      </form>
      {state ? (
        <Alert role="status" variant={state.ok ? "success" : "danger"} className="p-3">
          <p>{state.message}</p>
          {state.signingSecret ? (
            <div className="mt-2 flex items-start gap-2">
              <code
                data-testid="new-signing-secret"
                className="min-w-0 flex-1 rounded bg-surface px-2 py-1 font-mono text-xs break-all text-fg"
              >
                {state.signingSecret}
              </code>
              <CopyButton value={state.signingSecret} />
            </div>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
