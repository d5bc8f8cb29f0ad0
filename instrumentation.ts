// Runs once when the server starts: a bad configuration stops it here, naming the variable,
// instead of surfacing as a 500 on the first request. Then every request starts recording the
// address it came from, which the sign-in throttle needs and Next does not pass on, raw-body
// retention is scheduled (hourly, off the request path), and so are alerts and the scheduled
// sync (lib/alerts/scheduler.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidEnvOrExit } = await import("./lib/env-startup");
    assertValidEnvOrExit();
    const { recordPeerAddresses } = await import("./lib/auth/peer-address");
    recordPeerAddresses();
    const { startBodyPruner } = await import("./lib/webhooks/retention/body-pruner");
    startBodyPruner();
    const { startScheduler } = await import("./lib/alerts/scheduler");
    startScheduler();
  }
}
