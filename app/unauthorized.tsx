import Link from "next/link";

export default function Unauthorized() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-rose-600">401</p>
        <h1 className="mt-2 text-xl font-semibold text-slate-900 dark:text-white">
          You are signed out
        </h1>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Your session ended or your account was disabled.
        </p>
        <Link
          href="/sign-in"
          className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300"
        >
          Sign in again
        </Link>
      </div>
    </main>
  );
}
