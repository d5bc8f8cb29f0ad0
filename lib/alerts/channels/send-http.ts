// POSTs for Slack and the generic webhook. A failure's message never carries the URL (Slack's is
// the credential) and keeps the receiver's answer short.
const TIMEOUT_MS = 10_000;

export async function postJson(
  what: string,
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(
      `${what} could not be reached${cause ? ` (${cause})` : ""}: ${(error as Error).message}`,
    );
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 200);
    throw new Error(`${what} answered ${response.status}${text ? `: ${text}` : ""}`);
  }
}
