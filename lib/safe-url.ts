/**
 * An http(s) URL, or null. Values relayed from Dodo (external_url, oauth_url, download URLs) are
 * rendered as links only through this, so a `javascript:` or `data:` URL stays plain text.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
