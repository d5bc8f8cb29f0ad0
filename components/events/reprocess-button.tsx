import { ActionForm } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/action-state";

/** `action` is the events page's reprocessAction, passed in (lib/run-action.ts says why). */
export function ReprocessButton({ webhookId, action }: { webhookId: string; action: FormAction }) {
  return (
    <ActionForm action={action}>
      <input type="hidden" name="webhookId" value={webhookId} />
      <button
        type="submit"
        className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Reprocess
      </button>
    </ActionForm>
  );
}
