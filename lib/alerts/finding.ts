// What a rule's condition reports: one finding per key whose condition holds now. The evaluator
// turns findings into incidents (lib/alerts/evaluate-rules.ts).
import type { Database } from "../db";

export type Example = { id: string; text: string };

export type Finding = {
  key: string;
  title: string;
  /** What the window holds now (capped where the rule says so). */
  count: number;
  examples: Example[];
  /** A path in the dashboard showing what the incident is about. */
  link: string | null;
};

export type ConditionContext<Values> = {
  db: Database;
  values: Values;
  now: Date;
  /** Keys of this rule's incidents open now: some rules keep an incident open while it recurs. */
  openKeys: ReadonlySet<string>;
};

export const EXAMPLES = 5;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

export function grantsLink(params: Record<string, string>): string {
  return `/grants?${new URLSearchParams(params).toString()}`;
}
