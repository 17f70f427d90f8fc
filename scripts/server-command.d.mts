export declare const API_DIR: string;
export declare const SERVER_NODE_ARGS: readonly string[];
export declare function serverNodeArgs(extra?: readonly string[]): string[];
export declare function buildServer(): void;
