import { TextLink } from "@/components/ui/text-link";

/** The customers a search named by email or name: one click to everything each one has. */
export function CustomersNamed({
  people,
}: {
  people: { id: string; name: string | null; email: string | null }[];
}) {
  if (people.length === 0) return null;
  return (
    <nav aria-label="Customers found" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted">
        {people.length === 1 ? "Customer found:" : "Customers found:"}
      </span>
      {people.map((person) => (
        <TextLink
          key={person.id}
          href={`/customers/${encodeURIComponent(person.id)}`}
          className="rounded-md border border-border bg-surface px-2 py-1 no-underline hover:bg-subtle"
        >
          <span className="font-medium">{person.name ?? person.email ?? person.id}</span>
          {person.name && person.email ? (
            <span className="ml-1 text-muted">{person.email}</span>
          ) : null}
          <span className="ml-1 font-mono text-xs text-faint">{person.id}</span>
        </TextLink>
      ))}
    </nav>
  );
}
