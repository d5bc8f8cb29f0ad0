import { Badge } from "@/components/ui/badge";
import { statusInfo } from "@/lib/grants/labels/status";

export function StatusBadge({ status }: { status: string }) {
  const info = statusInfo(status);
  return (
    <Badge tone={info.tone} title={info.meaning}>
      {info.label}
    </Badge>
  );
}
