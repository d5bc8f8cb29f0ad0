import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return (
    <>
      <PageHeader title="Events" description="Every webhook delivery received, with its outcome." />
      <EmptyState title="Not built yet">This view arrives with the dashboard (issue #4).</EmptyState>
    </>
  );
}
