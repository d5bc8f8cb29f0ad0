import Link from "next/link";
import { roleCan, type Role } from "@/lib/auth/roles";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { ADMIN_NAV_ITEMS, NAV_ITEMS } from "./nav-items";
import { Sidebar } from "./sidebar";

export type ShellUser = { label: string; role: Role };

/** `signOut` is the sign-in route's server action, passed in by the layout (lib/run-action.ts). */
export function AppShell({
  user,
  signOut,
  children,
}: {
  user: ShellUser;
  signOut: () => Promise<void>;
  children: React.ReactNode;
}) {
  const adminItems = ADMIN_NAV_ITEMS.filter(
    (item) => !item.permission || roleCan(user.role, item.permission),
  );
  return (
    <div className="min-h-screen md:grid md:grid-cols-[13rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <aside className="bg-slate-900 text-slate-100">
        <div className="md:sticky md:top-0 md:flex md:min-h-screen md:flex-col">
          <div className="flex items-center gap-2 px-6 pt-5 pb-2 md:pb-4">
            <span
              aria-hidden="true"
              className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-500 text-sm font-bold text-white"
            >
              G
            </span>
            <Link href="/" className="text-lg font-semibold tracking-tight text-white">
              Grantdesk
            </Link>
          </div>
          <Sidebar items={NAV_ITEMS} />
          {adminItems.length > 0 ? (
            <>
              <p className="hidden px-6 pt-4 text-[11px] font-semibold tracking-wider text-slate-500 uppercase md:block">
                Admin
              </p>
              <Sidebar items={adminItems} label="Admin" />
            </>
          ) : null}
          <p className="hidden px-6 pt-4 text-xs text-slate-400 md:block">
            Press <kbd className="rounded border border-slate-600 px-1 font-mono">?</kbd> for
            shortcuts
          </p>
          <div className="flex items-center justify-between gap-2 border-t border-slate-800 px-6 py-3 md:mt-auto md:block md:space-y-2 md:py-4">
            <p className="min-w-0 text-xs">
              <span className="block truncate text-slate-200" data-testid="signed-in-as">
                {user.label}
              </span>
              <span className="text-slate-400">{user.role === "admin" ? "Admin" : "Support"}</span>
            </p>
            <form action={signOut}>
              <button
                type="submit"
                className="rounded-md border border-slate-700 px-2.5 py-1 text-xs font-medium text-slate-200 hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-400"
              >
                Sign out
              </button>
            </form>
          </div>
        </div>
      </aside>
      <KeyboardShortcuts />
      <main id="main" className="min-w-0 px-4 py-6 md:px-8 md:py-8">
        {children}
      </main>
    </div>
  );
}
