// Types of scripts/server-command.mjs, for the TypeScript that imports it (bench/run.ts, e2e/support/server.ts).
export declare const ROOT: string;
export declare const SERVER_BUNDLE: string;
export declare const SERVER_NODE_FLAGS: readonly string[];
export declare function serverArgs(): string[];
