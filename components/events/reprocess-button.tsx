import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/action-state";

/** `action` is the events page's reprocessAction, passed in (lib/run-action.ts says why). */
export function ReprocessButton({ webhookId, action }: { webhookId: string; action: FormAction }) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="webhookId" value={webhookId} />
      <Button type="submit" variant="secondary" size="sm">
        Reprocess
      </Button>
    </ActionForm>
  );
}
