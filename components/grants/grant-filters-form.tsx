import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { cardVariants } from "@/components/ui/card";
import { DateField, SelectField } from "@/components/ui/form-controls";
import { Field, Input } from "@/components/ui/input";
import type { FilterOptions } from "@/lib/grants/queries/filter-options";
import {
  PAGE_SIZES,
  SORT_FIELDS,
  defaultSort,
  type GrantFilter,
  type SortChoice,
} from "@/lib/grants/grant-filters";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";
import { integrationInfo } from "@/lib/grants/labels/integrations";
import { revocationReasonInfo } from "@/lib/grants/labels/revocation-reasons";

const SORT_LABELS: Record<SortChoice, string> = { updated: "Updated", created: "Created" };

/** A plain GET form: submitting it writes the filters into the URL, so every view is a link. */
export function GrantFiltersForm({
  filter,
  options,
  focusSearch = false,
}: {
  filter: GrantFilter;
  options: FilterOptions;
  focusSearch?: boolean;
}) {
  const open = Boolean(
    filter.integration ||
    filter.reason ||
    filter.error ||
    filter.business ||
    filter.customer ||
    filter.created_from ||
    filter.created_to ||
    filter.updated_from ||
    filter.updated_to,
  );
  // The unset choice is labelled with the sort it means for this filter (a created range sorts by
  // created), so the form always shows the sort that applies; the other one can still be chosen.
  const unsetSort = defaultSort(filter);
  return (
    <form
      method="get"
      action="/grants"
      role="search"
      aria-label="Filter grants"
      className={cardVariants({ className: "mb-4 p-4" })}
    >
      {filter.status ? <input type="hidden" name="status" value={filter.status} /> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Search" className="min-w-64 flex-1">
          <Input
            id="grant-search"
            type="search"
            autoFocus={focusSearch}
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="Email, name, any id, or key (last 4+)"
            className="font-mono"
          />
        </Field>
        <SelectField
          label="Sort by"
          name="sort"
          value={filter.sort === unsetSort ? undefined : filter.sort}
          anyLabel={unsetSort === "created" ? "Created (the date range)" : SORT_LABELS[unsetSort]}
          options={SORT_FIELDS.filter((sort) => sort !== unsetSort).map((sort) => ({
            value: sort,
            label: SORT_LABELS[sort],
          }))}
        />
        <SelectField
          label="Order"
          name="dir"
          value={filter.dir === "desc" ? undefined : filter.dir}
          anyLabel="Newest first"
          options={[{ value: "asc", label: "Oldest first" }]}
        />
        <SelectField
          label="Per page"
          name="size"
          value={filter.size === 50 ? undefined : String(filter.size)}
          anyLabel="50"
          options={PAGE_SIZES.filter((n) => n !== 50).map((n) => ({
            value: String(n),
            label: String(n),
          }))}
        />
        <Button type="submit">Apply</Button>
        <Link href="/grants" className={buttonVariants({ variant: "secondary" })}>
          Clear
        </Link>
      </div>
      <details open={open} className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-fg">More filters</summary>
        <div className="mt-3 grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-8">
          <SelectField
            label="Integration"
            name="integration"
            value={filter.integration}
            options={options.integrations.map((v) => ({
              value: v,
              label: integrationInfo(v).label,
            }))}
          />
          <SelectField
            label="Revocation reason"
            name="reason"
            value={filter.reason}
            options={options.reasons.map((v) => ({
              value: v,
              label: revocationReasonInfo(v).label,
            }))}
          />
          <SelectField
            label="Error code"
            name="error"
            value={filter.error}
            options={options.errors.map((v) => ({ value: v, label: errorCodeInfo(v).label }))}
          />
          <SelectField
            label="Business"
            name="business"
            value={filter.business}
            options={options.businesses.map((v) => ({ value: v, label: v }))}
          />
          <Field label="Customer (id or email)" className="col-span-2">
            <Input
              name="customer"
              defaultValue={filter.customer ?? ""}
              placeholder="cus_… or jane@example.com"
              autoComplete="off"
            />
          </Field>
          <DateField label="Created from" name="created_from" value={filter.created_from} />
          <DateField label="Created to" name="created_to" value={filter.created_to} />
          <DateField label="Updated from" name="updated_from" value={filter.updated_from} />
          <DateField label="Updated to" name="updated_to" value={filter.updated_to} />
        </div>
      </details>
    </form>
  );
}
