import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-state";

export function AddTeammateForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <Field label="Email">
        <Input name="email" type="email" required autoComplete="off" />
      </Field>
      <Field label="Name (optional)">
        <Input name="name" type="text" autoComplete="off" />
      </Field>
      <Field label="Password (10+ characters)">
        <Input
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
        />
      </Field>
      <Field label="Role">
        <Select name="role" defaultValue="support">
          <option value="support">Support: reads everything, changes nothing</option>
          <option value="admin">Admin: everything</option>
        </Select>
      </Field>
      <Button type="submit" className="self-start">
        Create user
      </Button>
    </ActionForm>
  );
}
