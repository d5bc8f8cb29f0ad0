"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { safeReturnPath } from "@/lib/auth/sign-in-path";

/** What the person should read for each answer of Better Auth's sign-in endpoint. */
async function messageFor(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (response.status === 401) return "Wrong email or password.";
  if (response.status === 429 || response.status === 403)
    return body.message ?? "Signing in is not possible right now.";
  if (response.status === 400) return body.message ?? "Check the email address.";
  return (
    "Grantdesk could not sign you in (the server answered " +
    response.status +
    "). Try again in a moment."
  );
}

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        // A full navigation, so every server component renders for the signed-in user. Checked
        // again here, where the navigation happens, whatever page rendered this form.
        window.location.assign(safeReturnPath(next));
        return;
      }
      setError(await messageFor(response));
    } catch {
      setError("Grantdesk could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="mt-5 space-y-4" noValidate={false}>
      <Field label="Email" className="text-sm text-fg">
        <Input
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className="px-3 py-2"
        />
      </Field>
      <Field label="Password" className="text-sm text-fg">
        <Input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="px-3 py-2"
        />
      </Field>
      {error ? (
        <Alert role="alert" variant="danger">
          {error}
        </Alert>
      ) : null}
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
