import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-state";
import { formatMinutesByIntegration } from "@/lib/alerts/rule-form";
import type { RuleSetting } from "@/lib/alerts/rule-settings";
import { RULE_LABELS } from "@/lib/alerts/rules";

/** Field names as people read them. */
const FIELD_LABELS: Record<string, string> = {
  windowMinutes: "Window (minutes)",
  lookbackDays: "Not seen for (days)",
  threshold: "At least",
  defaultMinutes: "Pending after (minutes, other integrations)",
  minutesByIntegration: "Per integration (integration=minutes)",
  expiringWithinMinutes: "Consent link expires within (minutes)",
  maxAgeDays: "Ignore pending older than (days)",
  windowHours: "Window (hours)",
  silentHours: "Silent for (hours)",
  usualHoursOf24: "Usually busy hours (of 24)",
};

function ValueField({ field, value }: { field: string; value: unknown }) {
  const label = FIELD_LABELS[field] ?? field;
  if (field === "minutesByIntegration")
    return (
      <Field label={label} className="basis-full">
        <Input
          name={`value.${field}`}
          defaultValue={formatMinutesByIntegration(value as Record<string, number>)}
          placeholder="defaults: OAuth 1440, license_key and digital_files 30; e.g. discord=720"
        />
      </Field>
    );
  return (
    <Field label={label} className="w-40">
      <Input name={`value.${field}`} inputMode="numeric" defaultValue={String(value)} />
    </Field>
  );
}

export function RuleSettingsList({
  settings,
  saveAction,
}: {
  settings: RuleSetting[];
  saveAction: FormAction;
}) {
  return (
    <div className="divide-y divide-border">
      {settings.map((setting) => (
        <div key={setting.rule} className="py-4 first:pt-0" data-testid={`rule-${setting.rule}`}>
          <h3 className="text-sm font-semibold">{RULE_LABELS[setting.rule].title}</h3>
          <p className="mb-2 text-xs text-muted">{RULE_LABELS[setting.rule].explanation}</p>
          <ActionForm action={saveAction} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="rule" value={setting.rule} />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="enabled" defaultChecked={setting.enabled} />
              On
            </label>
            {Object.entries(setting.values).map(([field, value]) => (
              <ValueField key={field} field={field} value={value} />
            ))}
            <Button type="submit" variant="secondary">
              Save
            </Button>
          </ActionForm>
        </div>
      ))}
    </div>
  );
}
