import type { Metadata } from "next";
import { DataTable } from "@/components/ui/data-table";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/form-controls";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time-ago";
import { requirePageViewer } from "@/lib/auth/guards";
import { listUsers } from "@/lib/auth/users";
import { changeRoleAction, createUserAction, setDisabledAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900";

function apiKeysLabel(count: number): string {
  return count === 1 ? "1 API key" : `${count} API keys`;
}

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
        <DataTable columns={["Person", "Role", "Status", "Added"]}>
          {users.map((user) => {
            const self = viewer.kind === "user" && viewer.id === user.id;
            return (
              <tr key={user.id} data-testid={`user-${user.email}`}>
                <td className="px-4 py-3">
                  <div className="font-medium">
                    {user.email}
                    {self ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
                  </div>
                  <div className="text-xs text-slate-500">
                    {user.name} · {user.activeSessions} active session
                    {user.activeSessions === 1 ? "" : "s"}
                    {user.liveApiKeys > 0 ? (
                      <>
                        {" "}
                        · {apiKeysLabel(user.liveApiKeys)}
                        {user.disabled ? ", stopped" : ""}
                      </>
                    ) : null}
                  </div>
                </td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <ActionForm action={changeRoleAction} className="flex items-center gap-2">
                    <input type="hidden" name="userId" value={user.id} />
                    <select
                      name="role"
                      defaultValue={user.role}
                      aria-label={`Role of ${user.email}`}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
                    >
                      <option value="admin">Admin</option>
                      <option value="support">Support</option>
                    </select>
                    <button type="submit" className={buttonClass.secondary}>
                      Save
                    </button>
                  </ActionForm>
                </td>
                <td className="px-4 py-3">
                  <ActionForm
                    action={setDisabledAction}
                    className="flex max-w-64 min-w-48 flex-wrap items-center gap-2"
                  >
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
                    {user.disabled ? (
                      <Badge tone="rose">Disabled</Badge>
                    ) : (
                      <Badge tone="emerald">Active</Badge>
                    )}
                    {self ? null : (
                      <button
                        type="submit"
                        className={buttonClass.secondary}
                        title={
                          user.disabled || user.liveApiKeys === 0
                            ? undefined
                            : `Also stops ${apiKeysLabel(user.liveApiKeys)} they created`
                        }
                      >
                        {user.disabled ? "Re-enable" : "Disable"}
                      </button>
                    )}
                  </ActionForm>
                </td>
                <td className="px-4 py-3 text-slate-600 dark:text-slate-400">
                  <TimeAgo date={user.createdAt} />
                </td>
              </tr>
            );
          })}
        </DataTable>
        <div className="max-w-2xl 2xl:max-w-none">
          <Panel title="Add a teammate">
            <ActionForm action={createUserAction} className="space-y-3">
              <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Email
                <input name="email" type="email" required autoComplete="off" className={INPUT} />
              </label>
              <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Name (optional)
                <input name="name" type="text" autoComplete="off" className={INPUT} />
              </label>
              <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Password (10+ characters)
                <input
                  name="password"
                  type="password"
                  required
                  minLength={10}
                  autoComplete="new-password"
                  className={INPUT}
                />
              </label>
              <label className="block text-xs font-medium text-slate-600 dark:text-slate-400">
                Role
                <select name="role" defaultValue="support" className={INPUT}>
                  <option value="support">Support: reads everything, changes nothing</option>
                  <option value="admin">Admin: everything</option>
                </select>
              </label>
              <button type="submit" className={buttonClass.primary}>
                Create user
              </button>
            </ActionForm>
          </Panel>
        </div>
      </div>
    </>
  );
}
