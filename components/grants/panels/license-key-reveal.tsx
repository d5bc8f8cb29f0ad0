"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";

async function fetchKey(grantId: string): Promise<string> {
  const response = await fetch(`/api/v1/grants/${encodeURIComponent(grantId)}/license-key`);
  if (!response.ok) throw new Error(`license key: ${response.status}`);
  return ((await response.json()) as { key: string }).key;
}

/** The key stays masked in the page's HTML; Reveal and Copy fetch it only when asked. */
export function LicenseKeyReveal({ grantId, last4 }: { grantId: string; last4: string }) {
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function toggle() {
    if (key) return setKey(null);
    try {
      setKey(await fetchKey(grantId));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <code
        className="rounded bg-neutral-soft px-1.5 py-0.5 font-mono text-sm"
        data-testid="license-key"
      >
        {key ?? `••••••••${last4}`}
      </code>
      <Button variant="secondary" size="sm" onClick={() => void toggle()}>
        {key ? "Hide" : "Reveal"}
      </Button>
      <CopyButton load={() => fetchKey(grantId)} />
      {error ? (
        <span role="alert" className="text-xs text-danger-text">
          {error}
        </span>
      ) : null}
    </span>
  );
}
