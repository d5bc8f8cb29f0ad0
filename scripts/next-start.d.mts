export declare const SERVER_HEAP_MB: number;
export declare const SERVER_SEMI_SPACE_MB: number;
export declare const NEXT_BIN: string;
export declare function serverNodeOptions(nodeOptions?: string): string;
export declare function serverEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function nextStartArgs(options?: string[]): string[];
