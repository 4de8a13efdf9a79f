/**
 * Issue 24 item 4 (decided by the lead): staff PIN verifiers stay desk-local once joined. A staff
 * document travels without `password`; an account arriving from another desk cannot sign in
 * here until an admin of this desk sets its PIN here; a PIN set on one desk stays on that desk,
 * whatever later edits of the account travel.
 */
import { describe, expect, it } from 'vitest';
import { freshDb, setUpCommunity, communityDesk, addSignedStaff, testDesk, T0 } from './testDb';
import { acted, exchange, follow, memoryPouch } from './support/syncHarness';
import { hashSecret } from '../../renderer/src/db/secrets';
import { NO_PIN_HERE, signIn, updateStaff } from '../../renderer/src/db/repositories/staff';
import type { SyncDoc } from '../../renderer/src/sync/contract';

const DESK2 = { no: 2, name: '二号窗口' };

describe('staff PIN verifiers stay on their desk', () => {
  it('travel never; an account from another desk signs in only after this desk sets its PIN', async () => {
    const db1 = freshDb();
    const local1 = memoryPouch();
    const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
    const desk1 = await communityDesk(db1, { staffId: admin.id, role: '站长/管理员' });
    const password = await hashSecret('135790', undefined, 1000);
    const li = await acted(db1, local1, 1, () =>
      addSignedStaff(desk1, { name: '李梅', role: '值班员', grids: [], password }),
    );
    // No staff document holds a verifier.
    const docs = (await local1.allDocs({ include_docs: true })).rows.map((r) => r.doc as unknown as SyncDoc);
    const staffDocs = docs.filter((d) => d.type === 'staff');
    expect(staffDocs.map((d) => d.record.id).sort()).toEqual([admin.id, li.id].sort());
    for (const d of staffDocs) expect(d.record).not.toHaveProperty('password');
    // Desk 2 receives the accounts without verifiers: 李梅 cannot sign in there yet.
    const db2 = freshDb();
    const local2 = memoryPouch();
    await exchange(local1, local2);
    const i2 = follow(testDesk(db2, { identity: DESK2 }), local2);
    await i2.inbound.idle();
    i2.inbound.stop();
    expect((await db2.staff.get(li.id))?.password).toBeUndefined();
    const base2 = testDesk(db2, { identity: DESK2 });
    expect(await signIn(base2, li.id, '135790')).toEqual({ ok: false, message: NO_PIN_HERE });
    // Desk 2's admin (set up here once, as with the admin) sets 李梅's PIN here.
    await db2.staff.update(admin.id, { password: await hashSecret('246810', undefined, 1000) });
    const desk2 = await communityDesk(db2, {
      staffId: admin.id,
      role: '站长/管理员',
      identity: DESK2,
      now: T0 + 60_000,
    });
    const here = await hashSecret('975310', undefined, 1000);
    await acted(db2, local2, 2, () => updateStaff(desk2, li.id, { password: here }));
    expect((await signIn(base2, li.id, '975310')).ok).toBe(true);
    // Desk 1 moves 李梅 to another grid; desk 2's edit travels too: each desk keeps its own verifier.
    await acted(db1, local1, 1, () => updateStaff(desk1, li.id, { grids: ['id-2'] }));
    await exchange(local1, local2);
    const a = follow(testDesk(db2, { identity: DESK2 }), local2);
    const b = follow(desk1, local1);
    await a.inbound.idle();
    await b.inbound.idle();
    a.inbound.stop();
    b.inbound.stop();
    expect([...a.warnings, ...b.warnings]).toEqual([]);
    expect((await db2.staff.get(li.id))?.password).toEqual(here);
    expect((await db1.staff.get(li.id))?.password).toEqual(password);
    expect((await signIn(base2, li.id, '975310')).ok).toBe(true);
    expect((await signIn(testDesk(db1), li.id, '135790')).ok).toBe(true);
    expect((await signIn(testDesk(db1), li.id, '975310')).ok).toBe(false);
  });
});
