import { CopyButton } from "./copy-button";

/** A value with its Copy button beside it; a long value wraps rather than push the button out. */
export function CopyableText({ value, mono = false }: { value: string; mono?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className={mono ? "min-w-0 font-mono text-xs break-all" : "min-w-0 break-all"}>
        {value}
      </span>
      <CopyButton value={value} />
    </span>
  );
}
