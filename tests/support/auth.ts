// Sign-in helpers for integration tests: Better Auth's real endpoints through our route handler,
// and `next/headers` stood in for by a request's headers (server actions and pages read it).
import { vi } from "vitest";
import { createUser } from "@/lib/auth/users";
import { testViewer } from "./viewers";

export const ORIGIN = "http://grantdesk.test";

/** The headers `next/headers` returns to the code under test; set per call. */
export const requestHeaders = { current: new Headers() };

/** Call at the top of a test file, before importing code that reads next/headers. */
export function mockNextHeaders() {
  // What `next build` inlines from next.config.js's experimental.authInterrupts.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
  vi.mock("next/headers", () => ({
    headers: async () => requestHeaders.current,
    cookies: async () => ({ get: () => undefined, set: () => undefined, getAll: () => [] }),
  }));
}

export async function makeUser(
  email: string,
  role: "admin" | "support",
  password = "correct-horse-battery",
) {
  const user = await createUser(testViewer("admin"), { email, password, role });
  return { ...user, password };
}

export async function authRequest(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const { POST } = await import("@/app/api/auth/[...all]/route");
  return POST(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: ORIGIN,
        host: new URL(ORIGIN).host,
        ...headers,
      },
      body: JSON.stringify(body),
    }),
  );
}

/** Signs in and returns the Cookie header value a browser would send afterwards. */
export async function signIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await authRequest("/sign-in/email", { email, password }, headers);
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
