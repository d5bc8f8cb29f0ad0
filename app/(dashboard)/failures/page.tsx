import type { Metadata } from "next";
import { GrantGroupTable } from "@/components/grants/grant-group-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageViewer } from "@/lib/auth/guards";
import { errorCodeInfo } from "@/lib/grants/labels/error-codes";
import { groupFailures } from "@/lib/grants/queries/grant-groups";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Failures" };

export default async function FailuresPage() {
  const viewer = await requirePageViewer();
  const { days, groups } = await groupFailures(viewer);
  return (
    <>
      <PageHeader
        title="Failures"
        description="Failed deliveries grouped by error code, with what to do about each. Dodo does not retry them: each needs someone to act."
      />
      {groups.length === 0 ? (
        <EmptyState title="No failed deliveries">
          Every grant Dodo reported was delivered, is pending or was revoked.
        </EmptyState>
      ) : (
        <GrantGroupTable
          groups={groups}
          days={days}
          sparkClass="text-danger"
          by={{
            status: "Failed",
            param: "error",
            label: (key) => errorCodeInfo(key).label,
            missing: "No error code sent",
          }}
          extraColumns={[
            {
              header: "What to do",
              render: (g) => <p className="text-sm text-fg">{errorCodeInfo(g.key).remediation}</p>,
            },
          ]}
        />
      )}
    </>
  );
}
