// Better Auth's own change of password (POST /api/auth/change-password, for a signed-in person)
// checks only the length; this applies the rules every other way of setting a password applies.
// (Its reset-by-email flow is off: no sendResetPassword is configured, so no reset token exists.)
import type { GenericEndpointContext } from "better-auth";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { passwordProblem } from "./password-policy";

export const CHANGE_PASSWORD_PATH = "/change-password";

export async function assertNewPasswordAllowed(ctx: GenericEndpointContext): Promise<void> {
  const newPassword = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
  // Not a string, or nobody signed in: Better Auth refuses the request itself.
  if (typeof newPassword !== "string") return;
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const problem = await passwordProblem(newPassword, session.user.email);
  if (problem) throw new APIError("BAD_REQUEST", { code: "PASSWORD_REFUSED", message: problem });
}
