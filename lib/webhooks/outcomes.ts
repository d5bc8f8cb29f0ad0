import type { Tone } from "@/lib/grants/labels/status";

// One map from a delivery's outcome to its label, tone and meaning; the timeline and the event
// log both use it.
export const OUTCOMES: Record<string, { label: string; tone: Tone; meaning: string }> = {
  applied: {
    label: "Applied",
    tone: "emerald",
    meaning:
      "Newer than what was stored: the grant (or, for a payment, subscription, refund or license key event, the customer or subscription) now shows it.",
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
  ignored: {
    label: "Ignored",
    tone: "zinc",
    meaning: "Not a grant event, and it told nothing new about a customer or subscription.",
  },
  invalid: {
    label: "Invalid",
    tone: "rose",
    meaning: "Signed, but the body did not pass validation; kept for reprocessing.",
  },
};

export function outcomeInfo(outcome: string) {
  return OUTCOMES[outcome] ?? { label: outcome, tone: "zinc" as Tone, meaning: "" };
}
