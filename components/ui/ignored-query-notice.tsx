import Link from "next/link";

/** What a page left out of its address (a stale or hand-edited link); the rest still applies. */
export function IgnoredQueryNotice({
  problems,
  startOver,
}: {
  problems: readonly string[];
  startOver: string;
}) {
  if (problems.length === 0) return null;
  return (
    <div
      role="status"
      data-testid="ignored-query"
      className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-medium">Part of this address was ignored; showing the rest.</p>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <Link href={startOver} className="mt-1 inline-block underline underline-offset-2">
        Start over
      </Link>
    </div>
  );
}
