import Link from "next/link";
import { buttonVariants, Button } from "@/components/ui/button";
import { cardVariants } from "@/components/ui/card";
import { SelectField } from "@/components/ui/form-controls";
import type { EventFilter, eventFacets } from "@/lib/webhooks/list-events";
import { formatCount } from "@/lib/grants/count-cap";
import { OUTCOMES } from "@/lib/webhooks/outcomes";

type EventFacets = Awaited<ReturnType<typeof eventFacets>>;

/** A plain GET form: the filters live in the address. */
export function EventsFilterForm({ filter, facets }: { filter: EventFilter; facets: EventFacets }) {
  return (
    <form
      method="get"
      action="/events"
      aria-label="Filter events"
      className={cardVariants({ className: "mb-4 flex flex-wrap items-end gap-3 p-4" })}
    >
      <SelectField
        label="Type"
        name="type"
        value={filter.type}
        options={facets.types.map((t) => ({ value: t, label: t }))}
      />
      <SelectField
        label="Outcome"
        name="outcome"
        value={filter.outcome}
        options={Object.keys(OUTCOMES).map((o) => ({
          value: o,
          label: `${OUTCOMES[o]!.label} (${formatCount(facets.outcomes[o] ?? 0)})`,
        }))}
      />
      <Button type="submit">Apply</Button>
      <Link href="/events" className={buttonVariants({ variant: "secondary" })}>
        Clear
      </Link>
    </form>
  );
}
