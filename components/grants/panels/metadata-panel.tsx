import { Panel } from "@/components/ui/panel";

export function MetadataPanel({ metadata }: { metadata: unknown }) {
  const entries =
    metadata && typeof metadata === "object" && !Array.isArray(metadata)
      ? Object.entries(metadata as Record<string, unknown>)
      : [];
  return (
    <Panel title="Metadata">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">No metadata on this grant.</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {entries.map(([key, value]) => (
              <tr key={key}>
                <th
                  scope="row"
                  className="py-1.5 pr-4 text-left align-top font-mono text-xs font-medium text-slate-600 dark:text-slate-400"
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
