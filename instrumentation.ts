// Runs once when the server starts: a bad configuration stops it here, naming the variable,
// instead of surfacing as a 500 on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidEnvOrExit } = await import("./lib/env-startup");
    assertValidEnvOrExit();
  }
}
