/**
 * The wipe test's parts (the browser build): a persistent Chromium profile, the wipe record
 * caught up with the database, and the profile's IndexedDB folder deleted between launches
 * (what Chromium does to a store it finds corrupt).
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { desk } from '../pages';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { launchProfile } from './profile';

export { launchProfile };

/** A desk on a new persistent profile: set up, one resident (丙三) registered. */
export async function deskWithOneResident(
  profile: string,
  baseURL: string | undefined,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchProfile(profile, baseURL);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  const d = desk(page);
  await d.setup.complete();
  await d.intake.open();
  await d.intake.registerResident({ name: '丙三', phone: '13900004444' });
  return { context, page };
}

/** The profile's IndexedDB folder emptied (the browser closed). */
export async function deleteIndexedDbFolder(profile: string): Promise<void> {
  const idb = path.join(profile, 'Default', 'IndexedDB');
  for (const entry of await readdir(idb)) await rm(path.join(idb, entry), { recursive: true, force: true });
}

/** Waits until the wipe-detection record (kept outside IndexedDB) matches what the database holds. */
export async function integrityCaughtUp(page: Page): Promise<void> {
  // (waitForFunction would take the async predicate's promise as "truthy": poll instead.)
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const record = JSON.parse(localStorage.getItem('duty-desk.integrity') ?? 'null') as {
          counts: Record<string, number>;
        } | null;
        if (!record) return false;
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open('duty-desk');
          r.onsuccess = () => ok(r.result);
        });
        const n = await new Promise<number>((ok) => {
          const c = db.transaction('auditLog').objectStore('auditLog').count();
          c.onsuccess = () => ok(c.result);
        });
        db.close();
        return record.counts.auditLog === n && (record.counts.residents ?? 0) > 0;
      }),
    )
    .toBe(true);
}
