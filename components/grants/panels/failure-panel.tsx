import { Facts, Panel } from "@/components/ui/panel";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";

export function FailurePanel({
  errorCode,
  errorMessage,
}: {
  errorCode: string | null;
  errorMessage: string | null;
}) {
  const info = errorCode ? errorCodeInfo(errorCode) : null;
  return (
    <Panel title="Why delivery failed" tone="danger">
      <Facts
        items={[
          [
            "Error code",
            errorCode ? (
              <code className="font-mono">{errorCode}</code>
            ) : (
              <span className="text-slate-400">none sent</span>
            ),
          ],
          [
            "Message",
            errorMessage ? (
              <span className="whitespace-pre-wrap">{errorMessage}</span>
            ) : (
              <span className="text-slate-400">none sent</span>
            ),
          ],
        ]}
      />
      <div className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-950 dark:bg-rose-950/40 dark:text-rose-100">
        <p className="font-medium">{info?.known ? `What to do: ${info.label}` : "What to do"}</p>
        <p className="mt-1">{info?.remediation ?? errorCodeInfo("").remediation}</p>
      </div>
    </Panel>
  );
}
