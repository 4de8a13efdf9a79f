/** Types of scripts/check-node.mjs (plain Node ESM) for its unit test. */
export declare function satisfies(version: string, range: string): boolean;
export declare function nodeCheck(version: string, range: string): { ok: boolean; message: string };
export declare function engineRange(path: string): string;
