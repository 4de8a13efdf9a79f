/** Types of scripts/serve-web.mjs (plain Node ESM) for its unit test. */
export declare function waitUntilAnswers(
  url: string,
  o?: { intervalMs?: number; timeoutMs?: number; stopped?: () => boolean; onAttempt?: (n: number, e: unknown) => void },
): Promise<boolean>;
export declare function readyLine(url: string): string;
