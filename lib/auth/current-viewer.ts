// Who is asking: a Bearer API key, or the session cookie. Read from the database on every call.
import "server-only";
import { getAuth } from "./auth";
import { viewerFromApiKey } from "./api-keys";
import { isRole } from "./roles";
import { issueViewer, type Viewer } from "./viewer";

export async function viewerFromHeaders(headers: Headers): Promise<Viewer | null> {
  const authorization = headers.get("authorization");
  // A request that names a key is judged by that key alone, never by a cookie riding along.
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? viewerFromApiKey(match[1]!) : null;
  }
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: unknown; disabled?: unknown };
  if (user.disabled === true || !isRole(user.role)) return null;
  return issueViewer({ kind: "user", id: user.id, label: user.email, role: user.role });
}
