// Where to send a signed-out person, and where they may be sent back to afterwards: only a path
// on this site (never "//evil.example" or "https://…"), so the sign-in page is no open redirect.

export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  if (value.startsWith("/sign-in") || value.startsWith("/api/")) return "/";
  return value;
}

export function signInPath(returnTo: string | null | undefined): string {
  const path = safeReturnPath(returnTo);
  return path === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(path)}`;
}
