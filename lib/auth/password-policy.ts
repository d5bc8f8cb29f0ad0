// Which passwords may be set, wherever one is set: the team page, `npm run user:create`, an admin's
// reset (users.ts) and a signed-in person's own change through Better Auth (auth.ts). The
// throttles bound how many guesses an attacker gets; these rules make sure those guesses are not
// the ones that work: the most common passwords (zxcvbn's list of 49,000, drawn from real leaks,
// in @zxcvbn-ts/language-common), also with digits or symbols stuck before or after, and the
// person's own email address or the name before its @.
import { MAX_PASSWORD_LENGTH } from "./sign-in-limits";

export const MIN_PASSWORD_LENGTH = 10;

/** A local part this short ("jo") appears inside too many ordinary words to refuse them all. */
const SHORTEST_NAME_REFUSED = 3;

let commonPasswords: Promise<Set<string>> | undefined;

/** Loaded on first use: only setting a password needs the list (about 380 KB of module). */
function isCommon(password: string): Promise<boolean> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"]),
  );
  return commonPasswords.then((list) => list.has(password));
}

/** What is wrong with this password for this account, said as what to do; null when it is fine. */
export async function passwordProblem(password: string, email: string): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `the password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const name = address.split("@")[0] ?? "";
  if (lower.includes(address) || (name.length >= SHORTEST_NAME_REFUSED && lower.includes(name)))
    return "the password must not contain the email address or the name before its @: choose another";
  const word = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if ((await isCommon(lower)) || (word.length >= 4 && (await isCommon(word))))
    return "that password is one of the most commonly used ones, which are guessed first: choose another (three or four unrelated words make a good one)";
  return null;
}
