export type ServedOutput = { url: string; functionLog: string; close: () => Promise<void> };
export declare function serveOutput(options: {
  outputDir: string;
  repoDir: string;
  workDir: string;
  env: Record<string, string | undefined>;
  port?: number;
}): Promise<ServedOutput>;
