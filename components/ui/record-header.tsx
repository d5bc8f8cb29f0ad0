import { CopyButton } from "./copy-button";
import { CopyableText } from "./copyable-text";
import { TextLink } from "./text-link";

/**
 * The top of a page about one record (a grant, a customer, an entitlement): the way back, its
 * name — or its id when it has none — with a badge, the id to copy, a line saying what it is, and
 * the page's actions on the right.
 */
export function RecordHeader({
  back,
  name,
  id,
  badge,
  children,
  actions,
}: {
  back: { href: string; label: string };
  /** Null when the record has no name: the id is the title then. */
  name?: string | null;
  id: string;
  badge?: React.ReactNode;
  /** What the record is, under the title. */
  children?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <TextLink href={back.href}>← {back.label}</TextLink>
      </nav>
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          {/* The copy button stays outside the h1, so the heading reads as the name alone. */}
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <h1 className="flex min-w-0 flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
              {name ? (
                <span className="break-words">{name}</span>
              ) : (
                <span className="font-mono text-xl break-all">{id}</span>
              )}
              {badge}
            </h1>
            {name ? null : <CopyButton value={id} label="Copy id" />}
          </div>
          {name ? (
            <div className="mt-1 text-sm text-muted">
              <CopyableText value={id} mono />
            </div>
          ) : null}
          {children ? (
            <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-muted">{children}</p>
          ) : null}
        </div>
        {actions}
      </header>
    </>
  );
}
