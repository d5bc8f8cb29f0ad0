import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Failures" };

export default function FailuresPage() {
  return (
    <>
      <PageHeader title="Failures" description="Failed grants grouped by error code, with what to do about each." />
      <EmptyState title="Not built yet">This view arrives with the dashboard (issue #4).</EmptyState>
    </>
  );
}
