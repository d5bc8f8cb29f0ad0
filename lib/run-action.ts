// What every dashboard server action does around its work: read form fields, and turn a Refusal
// into a message next to the form (anything else is a bug and goes to the error page).
import "server-only";
import { revalidatePath } from "next/cache";
import { Refusal } from "./refusal";

export type ActionResult = { ok: boolean; message: string };

/** A text field as sent (not trimmed: a password may start with a space); "" when absent. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Runs the work; on success re-renders `path`, on a Refusal answers its message. */
export async function runAction<R extends ActionResult>(
  path: string,
  work: () => Promise<R>,
): Promise<R | ActionResult> {
  try {
    const result = await work();
    revalidatePath(path);
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}
