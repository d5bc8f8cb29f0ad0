import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { TimeAgo } from "@/components/ui/time-ago";
import type { FormAction } from "@/lib/action-state";
import type { LastDigest } from "@/lib/alerts/last-digest";
import type { DailyDigestSetting } from "@/lib/alerts/rules";

type Delivery = LastDigest["deliveries"][number];

function DigestDeliveryLine({ delivery }: { delivery: Delivery }) {
  const where = delivery.channel.name;
  if (delivery.status === "sent" && delivery.sentAt)
    return (
      <li>
        {where}: sent <TimeAgo date={delivery.sentAt} />
      </li>
    );
  return (
    <li className={delivery.status === "failed" ? "text-danger-text" : undefined}>
      {where}: {delivery.status === "failed" ? "gave up" : `pending, ${delivery.attempts} attempts`}
      {delivery.lastError ? ` (${delivery.lastError})` : ""}
    </li>
  );
}

function LastDigestLines({ last }: { last: LastDigest | null }) {
  if (!last) return <p className="text-xs text-faint">No digest sent yet.</p>;
  return (
    <div className="text-xs" data-testid="last-digest">
      <p className="text-faint">Last digest, for {last.day}:</p>
      {last.deliveries.length === 0 ? (
        <p className="text-faint">its channels were removed</p>
      ) : (
        <ul className="mt-0.5 space-y-0.5">
          {last.deliveries.map((delivery) => (
            <DigestDeliveryLine key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
    </div>
  );
}

/** The digest's switch and hour, and what the latest one reached. */
export function DailyDigestPanel({
  setting,
  last,
  emailChannels,
  onVercel,
  action,
}: {
  setting: DailyDigestSetting;
  last: LastDigest | null;
  emailChannels: number;
  onVercel: boolean;
  action: FormAction;
}) {
  return (
    <div className="space-y-3">
      <p className="text-xs text-muted">
        Once a day, from this hour (UTC), every email channel gets the day before: grants created,
        delivered, failed and revoked, the top error codes and reasons, grants Pending now and the
        open incidents.
        {emailChannels === 0 ? " No email channel is on yet: add one to receive it." : null}
      </p>
      {onVercel ? (
        <p className="text-xs text-muted">
          On Vercel it goes with the first /api/cron/alerts call from this hour: as shipped,
          vercel.json calls it once a day at 07:00 UTC, so choose 7 or earlier, or call it more
          often.
        </p>
      ) : null}
      <ActionForm action={action} className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={setting.enabled} />
          On
        </label>
        <Field label="Hour (UTC)" className="w-32">
          <Input name="hourUtc" inputMode="numeric" defaultValue={String(setting.hourUtc)} />
        </Field>
        <Button type="submit" variant="secondary">
          Save
        </Button>
      </ActionForm>
      <LastDigestLines last={last} />
    </div>
  );
}
