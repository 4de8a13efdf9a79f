/** Types of scripts/hub-setup.mjs (plain Node ESM) for the TypeScript tests that call it. */
import type { DesignDoc } from '../shared/sync/designDoc';

export type HubUser = { name: string; password: string };

export declare const APP_ORIGIN: string;
export declare function newDeskPassword(): string;
export declare function setupHub(o: {
  hub: string;
  db: string;
  admin: HubUser;
  desks?: HubUser[];
  designDoc: DesignDoc;
  log?: (line: string) => void;
}): Promise<string[]>;
export declare function compactHub(o: { hub: string; db: string; admin: HubUser }): Promise<void>;
export declare function appDesignDoc(): Promise<DesignDoc>;
