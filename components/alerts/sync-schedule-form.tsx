import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-state";
import type { SyncSchedule } from "@/lib/alerts/rules";

export function SyncScheduleForm({
  schedule,
  hasApiKey,
  action,
}: {
  schedule: SyncSchedule;
  hasApiKey: boolean;
  action: FormAction;
}) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-muted">
        {hasApiKey
          ? "The re-sync runs by itself, one at a time across instances, and resumes a run that was cut off."
          : "Off: set DODO_PAYMENTS_API_KEY for the re-sync to run by itself."}
      </p>
      <ActionForm action={action} className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={schedule.enabled} />
          On
        </label>
        <Field label="Every (hours)" className="w-32">
          <Input name="everyHours" inputMode="numeric" defaultValue={String(schedule.everyHours)} />
        </Field>
        <Button type="submit" variant="secondary">
          Save
        </Button>
      </ActionForm>
    </div>
  );
}
