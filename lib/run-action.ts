// Rule: server actions live in app/**/actions.ts beside the page that uses them, and pages pass
// them to components as props, so components/ and lib/ never import from app/ (eslint.config.mjs
// enforces it).
//
// What every dashboard server action does around its work: read form fields, and turn a Refusal
// into a message next to the form (anything else is a bug and goes to the error page). The action
// checks the caller (requireActionViewer) before calling this.
import "server-only";
import { revalidatePath } from "next/cache";
import type { ActionState } from "./action-state";
import { Refusal } from "./refusal";

/** A text field as sent (not trimmed: a password may start with a space); "" when absent. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Runs the work; on success re-renders `path`, on a Refusal answers its message. */
export async function runAction<Extra extends object = object>(
  path: string,
  work: () => Promise<NonNullable<ActionState<Extra>>>,
): Promise<NonNullable<ActionState<Extra>>> {
  try {
    const result = await work();
    revalidatePath(path);
    return result;
  } catch (error) {
    // Every field of Extra is optional, so a bare message fits; TypeScript cannot see that for an
    // Extra not yet known.
    if (error instanceof Refusal)
      return { ok: false, message: error.message } as NonNullable<ActionState<Extra>>;
    throw error;
  }
}
