// Viewers and credentials for tests that call lib/ functions or route handlers directly.
import { issueViewer, type Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/auth/roles";

export function testViewer(role: Role = "admin"): Viewer {
  return issueViewer({ kind: "user", id: `test-${role}`, label: `${role}@test.example`, role });
}

/** A Request to a route handler carrying an API key created for the test. */
export async function withApiKey(url: string, init: RequestInit = {}): Promise<Request> {
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const { key } = await createApiKey(testViewer("admin"), "test");
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${key}`);
  return new Request(url, { ...init, headers });
}
