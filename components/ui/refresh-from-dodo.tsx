import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/action-state";

/**
 * "Refresh from Dodo" for one record: a form posting its id to `action`, disabled with the reason
 * when Dodo cannot be asked (no API key).
 */
export function RefreshFromDodo({
  action,
  name,
  value,
  unavailable,
}: {
  action: FormAction;
  name: string;
  value: string;
  unavailable: string | null;
}) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name={name} value={value} />
      <Button type="submit" variant="secondary" disabled={unavailable !== null}>
        Refresh from Dodo
      </Button>
      {unavailable ? <p className="basis-full text-xs text-muted">{unavailable}</p> : null}
    </ActionForm>
  );
}
