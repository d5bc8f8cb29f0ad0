import { EnvError, getEnv } from "./env";

/** Validates the configuration; on a bad value prints what is wrong and stops the process. */
export function assertValidEnvOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
