import type { Metadata } from "next";
import { AddTeammateForm } from "@/components/settings/add-teammate-form";
import { TeamTable } from "@/components/settings/team-table";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { requirePageViewer } from "@/lib/auth/guards";
import { listUsers } from "@/lib/auth/users";
import { changeRoleAction, createUserAction, setDisabledAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const viewer = await requirePageViewer("users:manage");
  const users = await listUsers(viewer);
  return (
    <>
      <PageHeader
        title="Team"
        description="Who can sign in. Admins do everything; support reads every grant and event but cannot revoke, fulfil, reprocess or manage the team."
      />
      <div className="grid gap-6 2xl:grid-cols-[1fr_22rem]">
        <TeamTable
          users={users}
          viewerId={viewer.kind === "user" ? viewer.id : null}
          changeRoleAction={changeRoleAction}
          setDisabledAction={setDisabledAction}
        />
        <div className="max-w-2xl 2xl:max-w-none">
          <Panel title="Add a teammate">
            <AddTeammateForm action={createUserAction} />
          </Panel>
        </div>
      </div>
    </>
  );
}
