import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
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
    <main className="grid min-h-screen place-items-center bg-slate-50 px-4 dark:bg-slate-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span
            aria-hidden="true"
            className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-500 text-base font-bold text-white"
          >
            G
          </span>
          <span className="text-xl font-semibold tracking-tight text-slate-900 dark:text-white">
            Grantdesk
          </span>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <h1 className="text-lg font-semibold text-slate-900 dark:text-white">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Your team&apos;s entitlement grants from Dodo Payments.
          </p>
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center text-xs text-slate-500">
          No account? An admin of your team creates one for you.
        </p>
      </div>
    </main>
  );
}
