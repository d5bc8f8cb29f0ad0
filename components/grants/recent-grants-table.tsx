import { StatusBadge } from "./status-badge";

type Row = {
  id: string;
  status: string;
  integrationType: string;
  customerId: string;
  entitlementId: string;
  revocationReason: string | null;
  errorCode: string | null;
  updatedAt: Date;
};

export function RecentGrantsTable({ grants }: { grants: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Grant</th>
            <th scope="col" className="px-4 py-3">Integration</th>
            <th scope="col" className="px-4 py-3">Customer</th>
            <th scope="col" className="px-4 py-3">Reason / error</th>
            <th scope="col" className="px-4 py-3">Updated</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {grants.map((grant) => (
            <tr key={grant.id}>
              <td className="px-4 py-3"><StatusBadge status={grant.status} /></td>
              <td className="px-4 py-3 font-mono text-xs">{grant.id}</td>
              <td className="px-4 py-3">{grant.integrationType}</td>
              <td className="px-4 py-3 font-mono text-xs">{grant.customerId}</td>
              <td className="px-4 py-3 font-mono text-xs">{grant.revocationReason ?? grant.errorCode ?? "—"}</td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-600 dark:text-slate-400">
                <time dateTime={grant.updatedAt.toISOString()}>{grant.updatedAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
