import Link from "next/link";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { Sidebar } from "./sidebar";

export function AppShell({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[13rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900">
        Skip to content
      </a>
      <aside className="bg-slate-900 text-slate-100">
        <div className="md:sticky md:top-0">
        <div className="flex items-center gap-2 px-6 pt-5 pb-2 md:pb-4">
          <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-indigo-500 text-sm font-bold text-white">G</span>
          <Link href="/" className="text-lg font-semibold tracking-tight text-white">Grantdesk</Link>
        </div>
        <Sidebar />
        <p className="hidden px-6 pt-6 text-xs text-slate-400 md:block">Press <kbd className="rounded border border-slate-600 px-1 font-mono">?</kbd> for shortcuts</p>
        </div>
      </aside>
      <KeyboardShortcuts />
      <main id="main" className="min-w-0 px-4 py-6 md:px-8 md:py-8">{children}</main>
    </div>
  );
}
