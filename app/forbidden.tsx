import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-rose-600">403</p>
        <h1 className="mt-2 text-xl font-semibold text-slate-900 dark:text-white">
          Only admins can open this page
        </h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your role is support: you can read every grant and event, but managing the team, API keys
          and the audit log is for admins. Ask an admin of your team if you need it.
        </p>
        <Link
          href="/"
          className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
