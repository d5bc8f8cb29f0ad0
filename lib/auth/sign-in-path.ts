// Where to send a signed-out person, and where they may be sent back to afterwards: only a path
// on this site, so the sign-in page is no open redirect. The value is judged as a browser will
// read it, not as a string: browsers drop tabs and newlines anywhere in a URL and read "\" as
// "/", so "/\t/evil.example" passes a "one leading slash" test and still opens //evil.example.
// Both the server's redirect (a signed-in visitor) and the form's window.location.assign use this.

/** Resolves the candidate like a browser on our page would; never contacted, never shown. */
const PROBE_ORIGIN = "http://return-path.invalid";

export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || hasUnsafeCharacters(value)) return "/";
  const path = sameSitePath(value);
  if (!path || isSignInOrApi(path)) return "/";
  return path;
}

export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`;
}

/** The normalised path + query + hash when it stays on this origin, else null. */
function sameSitePath(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PROBE_ORIGIN) return null;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse to a leading "//" ("/.//evil.example" → "//evil.example"), which
  // the browser, given the path alone, reads as another host.
  return path.startsWith("//") ? null : path;
}

function isSignInOrApi(path: string): boolean {
  return path.startsWith("/sign-in") || path.startsWith("/api/");
}

/** Control characters and backslashes have no place in a path we send anyone to: refused as
 * written and in every percent-decoded form ("%250A" is a newline after two decodings, and a
 * proxy or a later redirect may decode again), rather than guessing what each reader makes of
 * them. Each decoding that changes the string shortens it, so the loop ends. */
function hasUnsafeCharacters(value: string): boolean {
  for (let current = value, previous = ""; current !== previous;) {
    if ([...current].some(isUnsafeCharacter)) return true;
    previous = current;
    current = percentDecode(current);
  }
  return false;
}

/** C0 controls, DEL, C1 controls, and the backslash. */
function isUnsafeCharacter(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || character === "\\";
}

/** Decodes runs of %XX as UTF-8; a malformed sequence (a bare "%" in a query) stays as it is. */
function percentDecode(value: string): string {
  return value.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = run.match(/%[0-9a-f]{2}/gi)!.map((escape) => parseInt(escape.slice(1), 16));
    return new TextDecoder().decode(Uint8Array.from(bytes));
  });
}
