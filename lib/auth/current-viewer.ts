// Who is asking, read from the database on every call. Two answers for two kinds of door: the
// dashboard (pages, server actions) knows only the session cookie; /api/v1 also takes an API key.
import "server-only";
import { getAuth } from "./auth";
import { viewerFromApiKey } from "./api-keys";
import { isRole } from "./roles";
import { issueViewer, type Viewer } from "./viewer";

/**
 * Pages and server actions. An API key is for scripts reading /api/v1: it must not render the
 * dashboard's HTML or run an action, so here the Authorization header means nothing, and a request
 * carrying only a key is signed out. (A header added by a proxy in front, e.g. Basic auth, does
 * not hide a person's session either.)
 */
export async function viewerFromSession(headers: Headers): Promise<Viewer | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: unknown; disabled?: unknown };
  if (user.disabled === true || !isRole(user.role)) return null;
  return issueViewer({ kind: "user", id: user.id, label: user.email, role: user.role });
}

/** /api/v1: a Bearer API key, or else the session cookie. */
export async function viewerFromKeyOrSession(headers: Headers): Promise<Viewer | null> {
  const authorization = headers.get("authorization");
  // A request that names a key is judged by that key alone, never by a cookie riding along.
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match ? viewerFromApiKey(match[1]!) : null;
  }
  return viewerFromSession(headers);
}
