/**
 * A request refused for a reason the person can act on ("that email already exists", "Dodo
 * refused the key"): server actions show its message next to the form instead of an error page.
 */
export class Refusal extends Error {
  override name = "Refusal";
}
