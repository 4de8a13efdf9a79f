/**
 * The database schemas exactly as shipped, frozen here on purpose (versions are append-only:
 * a shipped version is never edited). Upgrade tests seed a database at an old version with
 * these, then open it with the app's DutyDeskDB.
 */
import { Dexie } from 'dexie';
import type { CaseRecord } from '@shared/domain/records';

export const SCHEMA_V1 = {
  meta: 'key',
  staff: 'id, name, role, active',
  residents: 'id, &idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt',
  visits: 'id, residentId, day, visitedAt, channel, firstContactId, kind',
  matterTypes: 'code, category, name, active',
  cases:
    'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay',
  caseEvents: 'id, caseId, at',
  proxyTasks: 'id, caseId, residentId, status',
  custodyItems: 'id, proxyTaskId',
  meetings: 'id, weekOf, status',
  agendaItems: 'id, meetingId, sourceId, status',
  rota: 'id, day, staffId',
  handovers: 'id, day',
  auditLog: '++seq, at, staffId, action',
  counters: 'key',
};

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  cases:
    'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  cases:
    'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys',
};

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  cases:
    'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys',
  visits: 'id, residentId, day, visitedAt, channel, firstContactId, kind, *words',
};

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  cases:
    'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
};

export const SCHEMA_V6 = { ...SCHEMA_V5, importBatches: 'id, day' };

export const SCHEMA_V7 = { ...SCHEMA_V6, custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt' };

export const SCHEMA_V8 = { ...SCHEMA_V7, proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay' };

export const SCHEMA_V9 = {
  ...SCHEMA_V8,
  problems: 'id, raisedDay, status, caseId, gridId, category, *residentIds',
  meetings: 'id, day, status',
  agendaItems: 'id, meetingId, problemId, caseId',
};

export const SCHEMA_V10 = { ...SCHEMA_V9, auditLog: '++seq, &id, at, staffId, action' };

export const SCHEMA_V11 = {
  ...SCHEMA_V10,
  residents: 'id, idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt, deleted.at',
  cases:
    'id, trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
};

/** Every table as v23 (issue 24's last version) shipped it: the base each later upgrade starts from. */
export const SCHEMA_V23 = {
  meta: 'key',
  staff: 'id, name, role, active',
  residents: 'id, idNumber, name, phone, *searchKeys, *tags, updatedAt, deleted.at',
  visits: 'id, residentId, day, kind, *words',
  matterTypes: 'code, category, name, active',
  cases:
    'id, trackingNumber, residentId, matterCode, status, acceptedDay, dueDay, *flags, *queueKeys, *searchKeys, *reportMonths',
  caseEvents: 'id, caseId, clock',
  proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay, syncConflictAt',
  custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt, syncConflictAt',
  meetings: 'id, day, status',
  agendaItems: 'id, meetingId, problemId, caseId',
  rota: 'id, day, staffId',
  handovers: 'id, day',
  auditLog: '++seq, &id, action, [desk+deskSeq]',
  counters: 'key',
  importBatches: 'id, day',
  problems: 'id, raisedDay, status, caseId, gridId, category, *residentIds',
  proxyEvents: 'id, taskId, clock',
  signInGuards: 'staffId',
  deskMeta: 'key',
  custodyEvents: 'id, itemId, caseId, clock',
  mergeUndos: 'mergedId, keptId, day',
  problemEvents: 'id, problemId, clock',
  outbox: '++seq',
  syncConflicts: 'id',
  syncRejected: 'id',
  centerDesks: 'id',
  packageExports: 'id, [kind+from+to]',
};

/** A plain Dexie (no app middleware) created at v23, as the desks of issue 24 hold it. */
export function openShippedV23(name: string): Dexie {
  const db = new Dexie(name);
  db.version(23).stores(SCHEMA_V23);
  return db;
}

/** A plain Dexie (no app middleware) with the shipped schemas up to `version`. */
export function openShipped(name: string, version: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  if (version >= 2) db.version(2).stores(SCHEMA_V2);
  if (version >= 3) db.version(3).stores(SCHEMA_V3);
  if (version >= 4) db.version(4).stores(SCHEMA_V4);
  if (version >= 5) db.version(5).stores(SCHEMA_V5);
  if (version >= 6) db.version(6).stores(SCHEMA_V6);
  if (version >= 7) db.version(7).stores(SCHEMA_V7);
  if (version >= 8) db.version(8).stores(SCHEMA_V8);
  if (version >= 9) db.version(9).stores(SCHEMA_V9);
  if (version >= 10) db.version(10).stores(SCHEMA_V10);
  if (version >= 11) db.version(11).stores(SCHEMA_V11);
  return db;
}

/** A clerk's staff row as versions before v14 stored it: the sign-in failures and lock on the account. */
export const oldStaff = (id: string, failedAttempts: number, lockedUntil: number) => ({
  id,
  name: id,
  role: '值班员',
  grids: [],
  password: { algorithm: 'PBKDF2-SHA256', iterations: 1, saltB64: 'AA==', hashB64: 'AA==' },
  active: true,
  failedAttempts,
  lockedUntil,
});

/** A case record as an old version stored it (no derived fields unless `patch` gives them). */
export function oldCase(id: string, patch: Partial<CaseRecord>): CaseRecord {
  return {
    id,
    trackingNumber: `THL-20261101-${id.padStart(4, '0')}`,
    matterCode: 'DY-001',
    matterName: '党员组织关系转接',
    mode: '承诺件',
    status: '已受理',
    acceptedDay: '2026-11-01',
    documentsReceived: [],
    documentsMissing: [],
    firstContactId: 's1',
    handlerId: 's1',
    createdAt: 1,
    createdBy: 's1',
    updatedAt: 1,
    updatedBy: 's1',
    ...patch,
  };
}

/** The schema as v29 shipped it (v23 plus issue 26's and issue 28's tables and indexes). */
export const SCHEMA_V29: Record<string, string> = {
  ...SCHEMA_V23,
  rota: 'id, day, staffId',
  homeVisits: 'id, day, [residentId+day]',
  handovers: 'id, day, forDay',
  handoverReads: 'id, noteId, day',
  offHoursLines: 'id, day',
  tallies: 'key',
  auditLog: '++seq, &id, action, [desk+deskSeq], [action+seq], [staffId+seq], [staffId+action+seq]',
  problems: 'id, raisedDay, status, caseId, gridId, category, *residentIds, *poolKeys',
  proxyTasks: 'id, caseId, residentId, status, visitDay, requestedDay, syncConflictAt, [status+requestedDay+id]',
  custodyItems: 'id, caseId, residentId, status, holderKey, collectedAt, syncConflictAt, [status+collectedAt+id]',
};

/** A plain Dexie (no app middleware) created at v29, as every desk held it before issue 27. */
export function openShippedV29(name: string): Dexie {
  const db = new Dexie(name);
  db.version(29).stores(SCHEMA_V29);
  return db;
}

/** The schema as v33 shipped it (v29 plus the street's tables, the care keys and the audit domain). */
export const SCHEMA_V33: Record<string, string> = {
  ...SCHEMA_V29,
  streetCommunities: 'code',
  streetPackages: 'id, [communityCode+periodKey], [kind+from], importedAt',
  streetResponses: 'id, communityCode',
  residents: 'id, idNumber, name, phone, *searchKeys, *tags, updatedAt, deleted.at, *careKeys',
  homeVisits: 'id, day, [residentId+day], corrects',
  auditLog: '++seq, &id, action, [desk+deskSeq], [staffId+seq], [domain+seq], [staffId+domain+seq]',
};

/** A plain Dexie (no app middleware) created at v33, as every desk held it before issue 28 item 2's kept summaries. */
export function openShippedV33(name: string): Dexie {
  const db = new Dexie(name);
  db.version(33).stores(SCHEMA_V33);
  return db;
}

/** The schema as v36 shipped it (v33 plus the 重点服务对象's kept last 走访 and the kept summaries). */
export const SCHEMA_V36: Record<string, string> = {
  ...SCHEMA_V33,
  careLastVisits: 'residentId, *keys',
  keptSummaries: 'key',
};

/** A plain Dexie (no app middleware) created at v36, as every desk held it before case events were indexed by `at`. */
export function openShippedV36(name: string): Dexie {
  const db = new Dexie(name);
  db.version(36).stores(SCHEMA_V36);
  return db;
}

/** The schema as v37 shipped it (v36 plus case events by `at` and the rota by `[post+day]`). */
export const SCHEMA_V37: Record<string, string> = {
  ...SCHEMA_V36,
  caseEvents: 'id, caseId, clock, at',
  rota: 'id, day, staffId, [post+day]',
};

/** A plain Dexie (no app middleware) created at v37, as every desk held it before one kept key per resident on the register. */
export function openShippedV37(name: string): Dexie {
  const db = new Dexie(name);
  db.version(37).stores(SCHEMA_V37);
  return db;
}

/** The schema as v38 shipped it (v37 with one kept key per resident on the register). */
export const SCHEMA_V38: Record<string, string> = {
  ...SCHEMA_V37,
  careLastVisits: 'residentId, key',
};

/** A plain Dexie (no app middleware) created at v38, as every desk held it before the summaries' slim rows. */
export function openShippedV38(name: string): Dexie {
  const db = new Dexie(name);
  db.version(38).stores(SCHEMA_V38);
  return db;
}

/** The schema as v39 shipped it (v38 plus the summaries' slim rows). */
export const SCHEMA_V39: Record<string, string> = { ...SCHEMA_V38, slimRows: 'key' };

/** A plain Dexie (no app middleware) created at v39, as every street desk held it before its packages' records moved apart. */
export function openShippedV39(name: string): Dexie {
  const db = new Dexie(name);
  db.version(39).stores(SCHEMA_V39);
  return db;
}
