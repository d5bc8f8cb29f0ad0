// Which condition each rule evaluates.
import type { ConditionContext, Finding } from "../finding";
import type { RuleId, RuleValues } from "../rules";
import { findFailureSpikes, findNewFailureModes } from "./failures";
import { findPlatformRevocations } from "./platform-revocations";
import { findSignatureFailures } from "./signature-failures";
import { findSilence } from "./silence";
import { findStuckPending } from "./stuck-pending";
import { findSyncMissedWebhooks } from "./sync-missed";

type Conditions = {
  [R in RuleId]: (context: ConditionContext<RuleValues<R>>) => Promise<Finding[]>;
};

export const CONDITIONS: Conditions = {
  new_failure_mode: findNewFailureModes,
  failure_spike: findFailureSpikes,
  stuck_pending: findStuckPending,
  platform_external: findPlatformRevocations,
  signature_failures: findSignatureFailures,
  silence: findSilence,
  sync_missed: findSyncMissedWebhooks,
};
