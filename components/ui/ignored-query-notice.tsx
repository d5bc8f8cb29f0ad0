import Link from "next/link";
import { cn } from "@/lib/cn";
import { Alert } from "./alert";
import { focusRing } from "./focus-ring";

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
    <Alert variant="warning" role="status" data-testid="ignored-query" className="mb-4 px-4">
      <p className="font-medium">Part of this address was ignored; showing the rest.</p>
      <ul className="mt-1 list-disc pl-5 font-mono text-xs">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <Link
        href={startOver}
        className={cn("mt-1 inline-block rounded-sm underline underline-offset-2", focusRing)}
      >
        Start over
      </Link>
    </Alert>
  );
}
