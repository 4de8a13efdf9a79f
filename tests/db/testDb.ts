/**
 * Fresh fake-indexeddb databases for data-layer tests, a desk context with a fixed clock and
 * ids (`testDesk`), plus a ready-made set-up community.
 */
import type { DeskIdentity } from '@shared/domain/deskNumber';
import { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { addStaff } from '../../renderer/src/db/repositories/staff';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { completeSetup, type SetupInput } from '../../renderer/src/db/repositories/community';
import { parseCatalog } from '@shared/domain/catalog';
import { hashSecret } from '../../renderer/src/db/secrets';
import { failureMessage } from '../../renderer/src/db/refusal';
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import { createCalendar, type WorkingCalendar } from '@shared/domain/workingCalendar';
import {
  rotaCellId,
  type CommunityProfile,
  type RotaEntry,
  type RotaPost,
  type StaffRole,
} from '@shared/domain/records';
import catalogJson from '../../resources/catalog/default-matters.json' with { type: 'json' };

let n = 0;
export function freshDb(): DutyDeskDB {
  n += 1;
  return new DutyDeskDB(`test-${Date.now()}-${n}`);
}

export const T0 = Date.parse('2026-11-24T09:30:00+08:00');
export const TODAY = '2026-11-24';

/** A local time of the machine ('YYYY-MM-DD', 'HH:MM'): the desk reads the hour of day in local time, as the clerk's PC shows it. */
export function localAt(day: string, hhmm: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  return new Date(y!, m! - 1, d!, h!, mi!).getTime();
}

export function counterIds(prefix = 'id'): { newId: () => string } {
  let i = 0;
  return { newId: () => `${prefix}-${++i}` };
}

/** An id source that hands out exactly `ids`, in order (a test that needs more fails loudly). */
export function idsOf(...ids: string[]): () => string {
  let i = 0;
  return () => {
    const id = ids[i++];
    if (id === undefined) throw new Error(`idsOf: only ${ids.length} id(s) given`);
    return id;
  };
}

let auto = 0;
/** Ids that never repeat within a test run (the default of `testDesk`). */
const autoId = () => `auto-${++auto}`;

/** The community of tests that never ran the setup: code THL, grids g1 and g2. */
export const TEST_COMMUNITY: CommunityProfile = {
  name: '桃花岭社区',
  code: 'THL',
  population: 8600,
  communityClass: '二类社区',
  grids: [
    { id: 'g1', name: '第一网格' },
    { id: 'g2', name: '第二网格' },
  ],
  openingHours: DEFAULT_OPENING_HOURS,
  phone: '0731-88886666',
  createdAt: T0,
  createdBy: 'staff-1',
  updatedAt: T0,
  updatedBy: 'staff-1',
};

export type TestDeskOptions = {
  staffId?: string;
  role?: StaffRole;
  now?: number;
  /** Defaults to TODAY (tests pair a fixed instant with the day they mean). */
  today?: string;
  /** The local day of a time other than `now` (default: `today` for any time). */
  dayOf?: (ms: number) => string;
  newId?: () => string;
  community?: CommunityProfile;
  calendar?: WorkingCalendar;
  /** Which desk of the center (absent = desk 1, as the app before desks). */
  identity?: DeskIdentity;
};

/** A desk with a fixed clock: `staffId` acting at `now` on `today`. */
export function testDesk(db: DutyDeskDB, o: TestDeskOptions = {}): Desk {
  const now = o.now ?? T0;
  const today = o.today ?? TODAY;
  return {
    db,
    clock: { now: () => now, today: (ms) => (ms !== undefined && o.dayOf ? o.dayOf(ms) : today) },
    newId: o.newId ?? autoId,
    actor: { id: o.staffId ?? 'staff-1', role: o.role ?? '值班员' },
    community: o.community ?? TEST_COMMUNITY,
    calendar: o.calendar ?? createCalendar(),
    ...(o.identity ? { identity: o.identity } : {}),
  };
}

/** A setup input with the shipped catalog and a cheap KDF (iterations are stored per hash). */
export async function setupInput(pin = '246810'): Promise<SetupInput> {
  const parsed = parseCatalog(catalogJson);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return {
    name: '桃花岭社区',
    code: 'THL',
    population: 8600,
    phone: '0731-88886666',
    gridNames: ['第一网格', '第二网格'],
    openingHours: DEFAULT_OPENING_HOURS,
    admin: { name: '王秀英', password: await hashSecret(pin, undefined, 1000) },
    catalog: parsed.catalog.matters,
  };
}

/** Runs the first-run setup (admin id-1, grids id-2 and id-3) and returns its admin (pledge signed unless `pledge: false`). */
export async function setUpCommunity(db: DutyDeskDB, o: { pledge?: boolean } = {}) {
  const admin = await completeSetup(testDesk(db, { newId: counterIds().newId }), await setupInput());
  if (o.pledge === false) return admin;
  // Signed in once: the 保密承诺 accepted (desk writes need it, write.ts).
  await db.staff.update(admin.id, { pledgeAcceptedAt: T0 });
  return { ...admin, pledgeAcceptedAt: T0 };
}

/** The desk of a set-up community (its stored profile), as `staffId`. */
export async function communityDesk(db: DutyDeskDB, o: TestDeskOptions = {}): Promise<Desk> {
  const row = await db.meta.get('community');
  const community = row?.key === 'community' ? row.value : undefined;
  if (!community) throw new Error('communityDesk: run setUpCommunity first');
  return testDesk(db, { community, ...o });
}

/** 张三, born 1958-03-15, the resident most data-layer tests work with. */
export async function createZhangSan(db: DutyDeskDB, staffId: string, today: string) {
  const first17 = '43010419580315123';
  return createResident(testDesk(db, { staffId, now: T0, today, newId: idsOf('res-1') }), {
    name: '张三',
    idNumber: first17 + computeCheckDigit(first17),
    phone: '13812345678',
    building: '',
    unit: '',
    room: '',
    gridId: '',
    tags: [],
  });
}

/** A set-up community (its admin's 保密承诺 signed) with 张三 registered on `today`. */
export async function communityWithZhangSan(today = TODAY) {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const resident = await createZhangSan(db, admin.id, today);
  return { db, admin, resident };
}

/** A second 站长/管理员 (赵强), added by `adminId`. */
export async function addSecondAdmin(db: DutyDeskDB, adminId: string) {
  const password = await hashSecret('864209', undefined, 1000);
  return addStaff(testDesk(db, { staffId: adminId, newId: idsOf('admin-2') }), {
    name: '赵强',
    role: '站长/管理员',
    grids: [],
    password,
  });
}

/** 李明, a 值班员 (PIN 864209) who has signed in once, added by `adminId` with the id `id`. */
export async function addClerkLiMing(db: DutyDeskDB, adminId: string, id = 'clerk-li') {
  return addSignedStaff(testDesk(db, { staffId: adminId, now: T0, newId: idsOf(id) }), {
    name: '李明',
    role: '值班员',
    grids: [],
    password: await hashSecret('864209', undefined, 1000),
  });
}

/** 王五: a resident with a phone only, nothing open (the input for `createResident`). */
export const WANG_WU = {
  name: '王五',
  phone: '13900001111',
  idNumber: '',
  building: '',
  unit: '',
  room: '',
  gridId: '',
  tags: [] as string[],
};

/** A 承诺件 with two or more documents, all received at the counter, accepted for the resident by `desk`. */
export async function acceptCommittedCase(desk: Desk, residentId: string) {
  const matter = (await desk.db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;
  const { cases } = await registerVisit(desk, {
    residentId,
    channel: '来站',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
  });
  return { matter, record: cases[0]! };
}

/**
 * A 帮代办 from a phone call, accepted for the resident by `desk` with nothing received yet: a
 * matter with a document and a time limit (the case of the 帮代办 and custody tests).
 */
export async function acceptPhonedProxyCase(desk: Desk, residentId: string) {
  const matter = (await desk.db.matterTypes.toArray()).find((m) => m.documents.length >= 1 && m.timeLimitDays > 0)!;
  const { cases } = await registerVisit(desk, {
    residentId,
    channel: '来电',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '帮代办', received: [] }],
  });
  return { matter, record: cases[0]! };
}

/** A staff member added by `desk` who has signed in once: their 保密承诺 accepted (desk writes need it). */
export async function addSignedStaff(desk: Desk, input: Parameters<typeof addStaff>[1]) {
  const staff = await addStaff(desk, input);
  await (desk.db as unknown as DutyDeskDB).staff.update(staff.id, { pledgeAcceptedAt: T0 });
  return { ...staff, pledgeAcceptedAt: T0 };
}

/** The Chinese message a write was refused with, or null when it went through. */
export const fails = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => failureMessage(e));

/** A rota cell as the 值班表 stores it (one per day × person, stamped), for seeding a rota directly. */
export function rotaCell(day: string, staffId: string, post: RotaPost): RotaEntry {
  return {
    id: rotaCellId(day, staffId),
    day,
    staffId,
    post,
    createdAt: T0,
    createdBy: 'seed',
    updatedAt: T0,
    updatedBy: 'seed',
  };
}
