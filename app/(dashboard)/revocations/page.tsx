import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Revocations" };

export default function RevocationsPage() {
  return (
    <>
      <PageHeader title="Revocations" description="Revoked grants grouped by reason, and whether access comes back by itself." />
      <EmptyState title="Not built yet">This view arrives with the dashboard (issue #4).</EmptyState>
    </>
  );
}
