// The three doors to the data, each answering in its own way when nobody (or the wrong role) is
// behind it. Pages and server actions take a session only; /api/v1 routes a session or an API
// key (current-viewer.ts). The data functions check the permission again (assertCan); these
// decide what the person sees: a sign-in redirect, a 401/403 JSON body, or Next's 401/403 for a
// server action. docs/security-doors.md lists every door.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect, unauthorized } from "next/navigation";
import { viewerFromKeyOrSession, viewerFromSession } from "./current-viewer";
import { can, ForbiddenError, type Viewer } from "./viewer";
import type { Permission } from "./roles";
import { PATH_HEADER } from "./path-header";
import { signInPath } from "./sign-in-path";

/** Once per request: the layout and the page both ask, and each answer is a database read. */
const sessionViewer = cache(async () => viewerFromSession(await headers()));

/** Pages: signed out (an API key alone is signed out) → the sign-in page, then back here;
 * wrong role → 403 page. */
export async function requirePageViewer(permission: Permission = "grants:read"): Promise<Viewer> {
  const viewer = await sessionViewer();
  if (!viewer) redirect(signInPath((await headers()).get(PATH_HEADER)));
  if (!can(viewer, permission)) forbidden();
  return viewer;
}

/** The viewer of a page when there is one, without redirecting (the sign-in page itself). */
export async function currentViewer(): Promise<Viewer | null> {
  return sessionViewer();
}

/** Server actions: Next answers 401 (signed out, or an API key alone) / 403 to the caller. */
export async function requireActionViewer(permission: Permission): Promise<Viewer> {
  const viewer = await sessionViewer();
  if (!viewer) unauthorized();
  if (!can(viewer, permission)) forbidden();
  return viewer;
}

type RouteHandler<C> = (request: Request, viewer: Viewer, context: C) => Promise<Response>;

/** Route handlers under /api/v1: 401 without a valid session or key, 403 for the wrong role. */
export function guardRoute<C>(
  permission: Permission,
  handler: RouteHandler<C>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    const viewer = await viewerFromKeyOrSession(request.headers);
    if (!viewer) {
      return Response.json(
        { error: "sign in, or send an API key as Authorization: Bearer <key>" },
        {
          status: 401,
          headers: { "WWW-Authenticate": 'Bearer realm="grantdesk"', "Cache-Control": "no-store" },
        },
      );
    }
    try {
      if (!can(viewer, permission)) throw new ForbiddenError(permission);
      return await handler(request, viewer, context);
    } catch (error) {
      if (error instanceof ForbiddenError)
        return Response.json(
          { error: error.message },
          { status: 403, headers: { "Cache-Control": "no-store" } },
        );
      throw error;
    }
  };
}
