import { Facts, Panel } from "@/components/ui/panel";
import { formatBytes, formatExact } from "@/lib/format";
import { safeHttpUrl } from "@/lib/safe-url";

type DeliveredFile = {
  file_id?: unknown;
  filename?: unknown;
  download_url?: unknown;
  expires_in?: unknown;
  content_type?: unknown;
  file_size?: unknown;
};

const text = (value: unknown) => (typeof value === "string" ? value : null);
const number = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** Presigned download links are short-lived: expiry = delivery time + expires_in. */
export function linkExpiry(deliveredAt: Date | null, expiresIn: number | null): Date | null {
  if (!deliveredAt || expiresIn === null) return null;
  return new Date(deliveredAt.getTime() + expiresIn * 1000);
}

export function DigitalFilesPanel({
  files,
  instructions,
  externalUrl,
  deliveredAt,
  now,
}: {
  files: unknown;
  instructions: string | null;
  externalUrl: string | null;
  deliveredAt: Date | null;
  now: Date;
}) {
  const list = Array.isArray(files) ? (files as DeliveredFile[]) : [];
  const external = safeHttpUrl(externalUrl);
  return (
    <Panel title="Digital files">
      {list.length === 0 ? (
        <p className="text-sm text-faint">No files in the delivery.</p>
      ) : (
        <ul className="divide-y divide-border">
          {list.map((file, index) => {
            const expiry = linkExpiry(deliveredAt, number(file.expires_in));
            const expired = expiry !== null && expiry < now;
            const url = safeHttpUrl(text(file.download_url));
            const size = number(file.file_size);
            return (
              <li
                key={text(file.file_id) ?? index}
                className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm"
              >
                <div className="min-w-0">
                  <p className="font-medium break-all">{text(file.filename) ?? "unnamed file"}</p>
                  <p className="text-xs text-faint">
                    {[size !== null ? formatBytes(size) : null, text(file.content_type)]
                      .filter(Boolean)
                      .join(" · ") || "size and type not sent"}
                  </p>
                </div>
                <div className="text-right text-xs">
                  {expired ? (
                    <span className="font-medium text-danger-text">
                      Link expired {expiry ? formatExact(expiry) : ""}
                    </span>
                  ) : expiry ? (
                    <span>Link valid until {formatExact(expiry)}</span>
                  ) : (
                    <span className="text-faint">Link expiry unknown</span>
                  )}
                  {url && !expired ? (
                    <a
                      href={url}
                      rel="noreferrer noopener"
                      target="_blank"
                      className="ml-2 text-link underline"
                    >
                      Download
                    </a>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-3">
        <Facts
          items={[
            [
              "Instructions",
              instructions ? (
                <span className="whitespace-pre-wrap">{instructions}</span>
              ) : (
                <span className="text-faint">none</span>
              ),
            ],
            [
              "External URL",
              external ? (
                <a
                  href={external}
                  rel="noreferrer noopener"
                  target="_blank"
                  className="break-all text-link underline"
                >
                  {external}
                </a>
              ) : externalUrl ? (
                <code
                  className="font-mono text-xs break-all"
                  title="Not an http(s) link, so not clickable"
                >
                  {externalUrl}
                </code>
              ) : (
                <span className="text-faint">none</span>
              ),
            ],
          ]}
        />
      </div>
    </Panel>
  );
}
