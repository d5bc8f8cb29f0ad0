// Better Auth's endpoints: sign-in, sign-out, session. (Sign-up is off: admins create accounts.)
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

async function handle(request: Request) {
  const auth = await getAuth();
  return auth.handler(request);
}

export const GET = handle;
export const POST = handle;
