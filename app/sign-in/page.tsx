import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { currentViewer } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/sign-in-path";
import { firstValues } from "@/lib/search-params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const next = safeReturnPath(firstValues(await searchParams).next);
  if (await currentViewer()) redirect(next);
  return (
    <main className="grid min-h-screen place-items-center bg-bg px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span
            aria-hidden="true"
            className="grid h-9 w-9 place-items-center rounded-lg bg-accent text-base font-bold text-accent-fg"
          >
            G
          </span>
          <span className="text-xl font-semibold tracking-tight text-fg">Grantdesk</span>
        </div>
        <Card className="rounded-xl p-6 shadow-sm">
          <h1 className="text-lg font-semibold text-fg">Sign in</h1>
          <p className="mt-1 text-sm text-muted">
            Your team&apos;s entitlement grants from Dodo Payments.
          </p>
          <SignInForm next={next} />
        </Card>
        <p className="mt-4 text-center text-xs text-faint">
          No account? An admin of your team creates one for you.
        </p>
      </div>
    </main>
  );
}
