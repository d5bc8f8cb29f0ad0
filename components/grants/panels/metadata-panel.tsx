import { Panel } from "@/components/ui/panel";

export function MetadataPanel({ metadata }: { metadata: unknown }) {
  const entries =
    metadata && typeof metadata === "object" && !Array.isArray(metadata)
      ? Object.entries(metadata as Record<string, unknown>)
      : [];
  return (
    <Panel title="Metadata">
      {entries.length === 0 ? (
        <p className="text-sm text-faint">No metadata on this grant.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th
                  scope="row"
                  className="py-1.5 pr-4 text-left align-top font-mono text-xs font-medium text-muted"
                >
                  {key}
                </th>
                <td className="py-1.5 font-mono text-xs break-all whitespace-pre-wrap">
                  {typeof value === "string" ? value : JSON.stringify(value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
