import { Facts, Panel } from "@/components/ui/panel";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";
import { Alert } from "@/components/ui/alert";

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
              <span className="text-faint">none sent</span>
            ),
          ],
          [
            "Message",
            errorMessage ? (
              <span className="whitespace-pre-wrap">{errorMessage}</span>
            ) : (
              <span className="text-faint">none sent</span>
            ),
          ],
        ]}
      />
      <Alert variant="danger" className="mt-4 p-3">
        <p className="font-medium">{info?.known ? `What to do: ${info.label}` : "What to do"}</p>
        <p className="mt-1">{info?.remediation ?? errorCodeInfo("").remediation}</p>
      </Alert>
    </Panel>
  );
}
