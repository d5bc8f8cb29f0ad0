import type { Tone } from "@/lib/grants/labels/status";

// One map from a delivery's outcome to its label, tone and meaning; the timeline and the event
// log both use it.
export const OUTCOMES: Record<string, { label: string; tone: Tone; meaning: string }> = {
  applied: {
    label: "Applied",
    tone: "emerald",
    meaning: "Newer than what was stored: the grant now shows this snapshot.",
  },
  stale: {
    label: "Stale",
    tone: "amber",
    meaning:
      "Arrived after a newer snapshot (out of order): kept in history, did not change the grant.",
  },
  duplicate: {
    label: "Duplicate",
    tone: "slate",
    meaning: "The same snapshot again: kept in history, changed nothing.",
  },
  ignored: { label: "Ignored", tone: "zinc", meaning: "Not an entitlement grant event." },
  invalid: {
    label: "Invalid",
    tone: "rose",
    meaning: "Signed, but the body did not pass validation; kept for reprocessing.",
  },
};

export function outcomeInfo(outcome: string) {
  return OUTCOMES[outcome] ?? { label: outcome, tone: "zinc" as Tone, meaning: "" };
}
