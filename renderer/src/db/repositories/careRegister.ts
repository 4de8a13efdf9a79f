/**
 * 重点服务对象 (帮代办): the care profile of a special household — the contact person, needs,
 * dialect, when to reach them — and the register of the residents who carry one of the
 * center's register tags (独居老人, 高龄, 残疾人, 重病 … `proxySettings().registerTags`), each
 * with their proxy history.
 *
 * Invariants:
 *   - a saved profile passed `validateCareProfile` and is stored normalised on the resident
 *     (`Resident.care`); an empty profile removes it; ONE transaction with its audit row
 *     (`resident.care`, the changed field NAMES only, never a value);
 *   - the register reads residents through the `tags` multiEntry index (only the tagged ones,
 *     never the whole table) and their requests through the proxyTasks `residentId` index;
 *   - it is for current outreach: a resident marked 已迁出 or 已故 is left out (screen and
 *     printout) unless `includeInactive`.
 */
import {
  changedCareFields,
  firstCareError,
  isEmptyCareProfile,
  normalizeCareProfile,
  validateCareProfile,
  type CareProfileErrors,
  type CareProfileInput,
} from '@shared/domain/careProfile';
import { proxySettings } from '@shared/domain/proxy';
import type { Resident } from '@shared/domain/records';
import { isInactiveResident } from '@shared/domain/residentStatus';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx } from '../write';
import { liveResidentIn } from './residents';

/** Validation refused the profile: `message`/`field` is the first error, `errors` all of them. */
export class CareProfileValidationError extends DomainRefusal {
  readonly errors: CareProfileErrors;
  constructor(errors: CareProfileErrors) {
    const first = firstCareError(errors);
    super(first?.message ?? '重点服务信息填写有误，请核对', first?.field);
    this.name = 'CareProfileValidationError';
    this.errors = errors;
  }
}

/**
 * Saves (or, when it says nothing, removes) a resident's care profile.
 * @throws CareProfileValidationError (a DomainRefusal naming the field) — nothing written;
 *         DomainRefusal when the resident is not on file.
 */
export async function saveCareProfile(desk: Desk, residentId: string, care: CareProfileInput): Promise<Resident> {
  const errors = validateCareProfile(care);
  if (Object.keys(errors).length > 0) throw new CareProfileValidationError(errors);
  const next = normalizeCareProfile(care);
  return writeTx(desk, ['residents'], async (tx) => {
    const resident = await liveResidentIn(tx, residentId);
    if (!resident) throw new DomainRefusal('未找到该居民档案，可能已被删除');
    const changed = changedCareFields(resident.care, isEmptyCareProfile(next) ? undefined : next);
    if (changed.length === 0) return resident;
    const { care: _old, ...rest } = resident;
    const stored = await tx.residents.put(isEmptyCareProfile(next) ? rest : { ...rest, care: next });
    await tx.audit({
      action: 'resident.care',
      entity: 'resident',
      entityId: residentId,
      detail: isEmptyCareProfile(next) ? 'cleared' : changed.join(','),
    });
    return stored;
  });
}

export type CareRegisterFilter = {
  gridId?: string;
  tag?: string;
  /** Also the residents marked 已迁出 / 已故 (left out by default: the register is for current outreach). */
  includeInactive?: boolean;
};

/** A resident's 帮代办 so far: how many requests and the day of the latest. */
export type ProxyHistory = { count: number; lastDay?: string };

export type CareRegisterRow = {
  resident: Resident;
  /** The grid's name ('' when none). */
  gridName: string;
  /** The resident's tags that put them on the register. */
  registerTags: string[];
  proxy: ProxyHistory;
};

const collator = new Intl.Collator('zh-CN');

/**
 * The residents with a register tag (all of them, or the one `tag`), in `gridId` when given,
 * by grid (the community's order, no grid last) then name, each with their proxy history;
 * 已迁出 / 已故 residents only with `includeInactive`.
 */
export async function careRegister(desk: Desk, filter: CareRegisterFilter = {}): Promise<CareRegisterRow[]> {
  const tags = proxySettings(desk.community).registerTags;
  const residents = await registerResidents(desk, filter);
  const history = await proxyHistories(
    desk,
    residents.map((r) => r.id),
  );
  const grids = desk.community.grids;
  const gridOrder = (id?: string) => {
    const i = grids.findIndex((g) => g.id === id);
    return i < 0 ? grids.length : i;
  };
  return residents
    .sort((a, b) => gridOrder(a.gridId) - gridOrder(b.gridId) || collator.compare(a.name, b.name))
    .map((resident) => ({
      resident,
      gridName: grids.find((g) => g.id === resident.gridId)?.name ?? '',
      registerTags: resident.tags.filter((t) => tags.includes(t)),
      proxy: history.get(resident.id) ?? { count: 0 },
    }));
}

/**
 * The residents on the register (the center's register tags, or the one `tag`), in `gridId` when
 * given, 已迁出 / 已故 only with `includeInactive`: read by the `tags` index, each once, unsorted.
 */
export async function registerResidents(desk: Desk, filter: CareRegisterFilter = {}): Promise<Resident[]> {
  const tags = proxySettings(desk.community).registerTags;
  const wanted = filter.tag ? tags.filter((t) => t === filter.tag) : tags;
  if (wanted.length === 0) return [];
  let found = desk.db.residents.where('tags').anyOf(wanted);
  if (filter.gridId) found = found.and((r) => r.gridId === filter.gridId);
  if (!filter.includeInactive) found = found.and((r) => !isInactiveResident(r));
  // A multiEntry index yields a resident once per matching tag.
  return [...new Map((await found.toArray()).map((r) => [r.id, r])).values()];
}

/** The proxy history of each resident, from the proxyTasks `residentId` index. */
async function proxyHistories(desk: Desk, residentIds: readonly string[]): Promise<Map<string, ProxyHistory>> {
  const out = new Map<string, ProxyHistory>();
  if (residentIds.length === 0) return out;
  const tasks = await desk.db.proxyTasks.where('residentId').anyOf(residentIds).toArray();
  for (const t of tasks) {
    const h = out.get(t.residentId) ?? { count: 0 };
    h.count += 1;
    if (!h.lastDay || t.requestedDay > h.lastDay) h.lastDay = t.requestedDay;
    out.set(t.residentId, h);
  }
  return out;
}
