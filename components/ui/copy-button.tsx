"use client";

import { useState } from "react";
import { Button } from "./button";

/** Copies `value` (or what `load` fetches) to the clipboard and says so. */
export function CopyButton({
  value,
  load,
  label = "Copy",
}: {
  value?: string;
  load?: () => Promise<string>;
  label?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      const text = value ?? (await load?.()) ?? "";
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2_000);
  }
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()}>
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : label}
      </span>
    </Button>
  );
}
