export declare const AUTH_SECRET_MIN_LENGTH: number;
export declare const AUTH_SECRET_TOO_SHORT: string;
export declare const AUTH_SECRET_REQUIRED: string;
export declare const WEBHOOK_SECRET: RegExp;
export declare function webhookSecretProblem(secret: string, index: number): string | undefined;
export declare function splitWebhookKey(raw: string | undefined): string[];
