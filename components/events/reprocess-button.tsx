import { reprocessAction } from "@/app/(dashboard)/events/actions";
import { ActionForm } from "@/components/ui/action-form";

export function ReprocessButton({ webhookId }: { webhookId: string }) {
  return (
    <ActionForm action={reprocessAction}>
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
