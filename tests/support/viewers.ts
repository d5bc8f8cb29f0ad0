// Viewers and credentials for tests that call lib/ functions or route handlers directly.
import { cliViewer, issueViewer, type Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/auth/roles";

export function testViewer(role: Role = "admin"): Viewer {
  return issueViewer({ kind: "user", id: `test-${role}`, label: `${role}@test.example`, role });
}

/** A Request to a route handler carrying an API key created for the test (a team key, as from
 * the command line: testViewer() is no user in the database, and a user's key needs its user). */
export async function withApiKey(url: string, init: RequestInit = {}): Promise<Request> {
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(cliViewer(), "test");
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${key}`);
  return new Request(url, { ...init, headers });
}
