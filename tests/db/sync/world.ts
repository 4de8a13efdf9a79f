/** A set-up community for the sync tests, its desk joined to its center (as joinCenter leaves it) or alone. */
import { setJoined } from '../../../renderer/src/sync/outbox';
import { communityDesk, createZhangSan, freshDb, setUpCommunity, T0, TODAY } from '../testDb';

/** A set-up community whose desk has joined (as joinCenter leaves it), and its admin's desk. */
export async function joinedWorld(o: { joined?: boolean } = {}) {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const zhang = await createZhangSan(db, admin.id, TODAY);
  if (o.joined !== false) {
    await db.deskMeta.put({ key: 'joinedCenter', value: { at: T0 } });
    setJoined(db, true);
  }
  const desk = await communityDesk(db, { staffId: admin.id, role: admin.role, now: T0 });
  return { db, admin, zhang, desk };
}
