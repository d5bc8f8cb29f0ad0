import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/input";
import { TCell, TRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { listUsers } from "@/lib/auth/users";

type TeamMember = Awaited<ReturnType<typeof listUsers>>[number];

function apiKeysLabel(count: number): string {
  return count === 1 ? "1 API key" : `${count} API keys`;
}

function PersonCell({ user, self }: { user: TeamMember; self: boolean }) {
  return (
    <TCell className="py-3">
      <div className="font-medium">
        {user.email}
        {self ? <span className="ml-2 text-xs text-faint">(you)</span> : null}
      </div>
      <div className="text-xs text-faint">
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
    </TCell>
  );
}

export function TeamTable({
  users,
  viewerId,
  changeRoleAction,
  setDisabledAction,
}: {
  users: TeamMember[];
  viewerId: string | null;
  changeRoleAction: FormAction;
  setDisabledAction: FormAction;
}) {
  return (
    <DataTable columns={["Person", "Role", "Status", "Added"]}>
      {users.map((user) => {
        const self = viewerId === user.id;
        return (
          <TRow key={user.id} data-testid={`user-${user.email}`}>
            <PersonCell user={user} self={self} />
            <TCell className="py-3 whitespace-nowrap">
              <ActionForm action={changeRoleAction} className="flex items-center gap-2">
                <input type="hidden" name="userId" value={user.id} />
                <Select
                  name="role"
                  defaultValue={user.role}
                  aria-label={`Role of ${user.email}`}
                  className="w-auto py-1"
                >
                  <option value="admin">Admin</option>
                  <option value="support">Support</option>
                </Select>
                <Button type="submit" variant="secondary">
                  Save
                </Button>
              </ActionForm>
            </TCell>
            <TCell className="py-3">
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
                  <Button
                    type="submit"
                    variant="secondary"
                    title={
                      user.disabled || user.liveApiKeys === 0
                        ? undefined
                        : `Also stops ${apiKeysLabel(user.liveApiKeys)} they created`
                    }
                  >
                    {user.disabled ? "Re-enable" : "Disable"}
                  </Button>
                )}
              </ActionForm>
            </TCell>
            <TCell className="py-3 text-muted">
              <TimeAgo date={user.createdAt} />
            </TCell>
          </TRow>
        );
      })}
    </DataTable>
  );
}
