// What every dashboard server action answers, and what its form shows next to the controls. Not
// server-only: the client forms read it too. `Extra` is a payload for the rare action that hands
// something back besides the message (the API key created, shown once); it is optional because a
// refusal answers only the message.
export type ActionState<Extra extends object = object> =
  ({ ok: boolean; message: string } & Partial<Extra>) | null;

/** A server action as a form calls it through `useActionState`. */
export type FormAction<Extra extends object = object> = (
  previous: ActionState<Extra>,
  form: FormData,
) => Promise<ActionState<Extra>>;
