// A rule's form fields back into values: numbers as numbers, the per-integration minutes as
// "discord=90, github=120". What does not parse is passed on as text, for saveRuleSetting to
// refuse with the field named.
import { Refusal } from "../refusal";

export function formatMinutesByIntegration(values: Record<string, number>): string {
  return Object.entries(values)
    .map(([integration, minutes]) => `${integration}=${minutes}`)
    .join(", ");
}

function parseMinutesByIntegration(text: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const part of text
    .split(/[,\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9_]+)\s*=\s*(\d+)$/i.exec(part);
    if (!match) throw new Refusal(`minutesByIntegration: "${part}" is not integration=minutes.`);
    result[match[1]!] = Number(match[2]);
  }
  return result;
}

export function readRuleForm(form: FormData): {
  rule: string;
  enabled: boolean;
  values: Record<string, unknown>;
} {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== "string" || !name.startsWith("value.")) continue;
    const field = name.slice("value.".length);
    values[field] =
      field === "minutesByIntegration"
        ? parseMinutesByIntegration(raw)
        : /^\d+$/.test(raw.trim())
          ? Number(raw.trim())
          : raw;
  }
  const rule = form.get("rule");
  return {
    rule: typeof rule === "string" ? rule : "",
    enabled: form.get("enabled") === "on",
    values,
  };
}
