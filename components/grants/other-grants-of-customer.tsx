import { toGrantTableRow } from "@/components/grants/grant-rows";
import { GrantsTable } from "@/components/grants/grants-table";
import type { GrantListItem } from "@/lib/grants/queries/list-grants";

/** The foot of the grant page: the same customer's other grants, most recently changed first. */
export function OtherGrantsOfCustomer({
  customer,
  grants,
  now,
}: {
  /** The customer as shown: their name, else their email, else their id. */
  customer: string;
  grants: GrantListItem[];
  now: Date;
}) {
  return (
    <section aria-labelledby="other-grants" className="mt-8">
      <h2 id="other-grants" className="mb-3 text-lg font-semibold">
        Other grants of {customer}
      </h2>
      {grants.length === 0 ? (
        <p className="text-sm text-faint">None.</p>
      ) : (
        <GrantsTable rows={grants.map((row) => toGrantTableRow(row, now))} />
      )}
    </section>
  );
}
