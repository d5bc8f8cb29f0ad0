"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { isTypingTarget } from "./keyboard";

const GO_TO: Record<string, string> = {
  o: "/",
  g: "/grants",
  f: "/failures",
  r: "/revocations",
  e: "/events",
};

const HELP: [keys: string, what: string][] = [
  ["/", "Search grants"],
  ["j / k", "Next / previous row"],
  ["Enter", "Open the selected grant"],
  ["g then f", "Go to failures"],
  ["g then g / o / r / e", "Go to grants / overview / revocations / events"],
  ["?", "Show or hide this help"],
];

/** Site-wide keys: / search, g-prefixed navigation, ? for help. j / k live in the grants table. */
export function KeyboardShortcuts() {
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);
  const pendingG = useRef<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (helpOpen) dialog.current?.showModal();
    else dialog.current?.close();
  }, [helpOpen]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTypingTarget(event.target) || event.metaKey || event.ctrlKey || event.altKey) return;
      if (pendingG.current !== null) {
        window.clearTimeout(pendingG.current);
        pendingG.current = null;
        const target = GO_TO[event.key];
        if (target) {
          event.preventDefault();
          router.push(target);
        }
        return;
      }
      if (event.key === "/") {
        event.preventDefault();
        const search = document.getElementById("grant-search");
        if (search) search.focus();
        // On /grants the list may still be streaming in; elsewhere, go to it with the box focused.
        else if (window.location.pathname !== "/grants") router.push("/grants?focus=search");
      } else if (event.key === "?") {
        event.preventDefault();
        setHelpOpen((open) => !open);
      } else if (event.key === "g") {
        pendingG.current = window.setTimeout(() => (pendingG.current = null), 1_000);
      }
    }
    document.addEventListener("keydown", onKey);
    // Tells browser tests the shortcuts are live (keys pressed before hydration do nothing).
    document.documentElement.dataset.shortcuts = "ready";
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <Dialog
      ref={dialog}
      onClose={() => setHelpOpen(false)}
      aria-labelledby="shortcuts-title"
      className="max-w-none rounded-lg p-6"
    >
      <h2 id="shortcuts-title" className="mb-4 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {HELP.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-border-strong bg-subtle px-1.5 py-0.5 font-mono text-xs">
                {keys}
              </kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-6 text-right">
        <Button type="submit">Close</Button>
      </form>
    </Dialog>
  );
}
