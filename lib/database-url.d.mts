export type DatabaseProvider = "sqlite" | "postgresql";
export declare const DEFAULT_SQLITE_FILE: string;
export declare function providerOf(url: string): DatabaseProvider;
export declare function resolveDatabaseUrl(raw: string | undefined, cwd?: string): string;
export declare function sqliteFilePath(url: string, cwd?: string): string;
export declare function redactUrl(url: string): string;
export declare function vercelDatabaseProblem(rawUrl: string | undefined): string | undefined;
export declare function migrationDatabaseUrl(
  env?: Record<string, string | undefined>,
): string | undefined;
