/**
 * The benchmark data generator (bench/data): deterministic, and its output is data the app
 * itself could have written — checked by the app's validators and derived-field rules after a
 * load through the app's database class; 帮代办 requests and their documents through the proxy
 * and custody rules, the problem pool and the weekly 联席会议 through the agenda and decision
 * rules (and the check refuses a desk that breaks either).
 */
import { describe, expect, it } from 'vitest';
import { generateDesk, NOW } from '../../bench/data/generate';
import { BENCH_PIN, loadDesk } from '../../bench/data/load';
import { checkLoadedDesk, replayCustody } from '../../bench/data/check';
import { buildAgenda } from '@shared/domain/meetings';
import { createCalendar } from '@shared/domain/workingCalendar';
import { signIn } from '../../renderer/src/db/repositories/staff';
import {
  queueContextOf,
  queueCounts,
  queuePage,
  queueTotal,
  searchCases,
} from '../../renderer/src/db/repositories/cases';
import {
  countLabel,
  matchesRest,
  QUEUE_COUNT_CAP,
  queueRange,
  QUEUES,
  type CaseFilter,
} from '@shared/domain/caseQueues';
import type { CaseRecord } from '@shared/domain/records';
import { freshDb, testDesk } from './testDb';
import { deriveFields } from '../../renderer/src/db/derived';
import type { EntityName } from '../../renderer/src/db/entities';
import { loadedDb } from './generatedDesk';

describe('the five-year desk generator', { timeout: 60_000 }, () => {
  it('has a 1,000-resident size (the privacy e2e) that loads and passes the same checks', async () => {
    const small = generateDesk('thousand');
    expect(small.residents).toHaveLength(1000);
    const db = await loadedDb(small);
    expect(await checkLoadedDesk(db)).toEqual([]);
    db.close();
  });

  // 1/10 of the five-year desk: 2,000 residents, 10,000 visits, about 3,000 cases.
  const data = generateDesk('tenth');

  it('is deterministic and has the shape of a desk', () => {
    const again = generateDesk('tenth');
    expect(JSON.stringify(again.cases)).toBe(JSON.stringify(data.cases));
    expect(JSON.stringify(again.auditLog)).toBe(JSON.stringify(data.auditLog));
    expect(JSON.stringify(again.proxyTasks)).toBe(JSON.stringify(data.proxyTasks));
    expect(JSON.stringify(again.custodyItems)).toBe(JSON.stringify(data.custodyItems));
    expect(JSON.stringify(again.problems)).toBe(JSON.stringify(data.problems));
    expect(JSON.stringify(again.problemEvents)).toBe(JSON.stringify(data.problemEvents));
    expect(JSON.stringify(again.meetings)).toBe(JSON.stringify(data.meetings));
    expect(JSON.stringify(again.agendaItems)).toBe(JSON.stringify(data.agendaItems));
    expect(data.residents).toHaveLength(2000);
    expect(data.visits).toHaveLength(10_000);
    expect(data.cases.length).toBeGreaterThan(2700);
    expect(data.cases.length).toBeLessThan(3300);
    expect(data.auditLog.length).toBeGreaterThan(27_000);
    expect(JSON.stringify(generateDesk('tiny', 7).cases)).not.toBe(JSON.stringify(generateDesk('tiny').cases));
    // Surnames with their own reading are among the names.
    expect(data.residents.some((r) => /^[单曾解仇]/.test(r.name))).toBe(true);
    // 错时服务 补充登记: five years of them (evenings of working days, mornings of rest days), each audited.
    expect(JSON.stringify(again.offHoursLines)).toBe(JSON.stringify(data.offHoursLines));
    const years = new Set(data.offHoursLines.map((l) => l.day.slice(0, 4)));
    expect([...years]).toEqual(expect.arrayContaining(['2022', '2023', '2024', '2025', '2026']));
    expect(data.offHoursLines.length).toBeGreaterThan(40);
    expect(data.offHoursLines.some((l) => l.start >= '19:00')).toBe(true);
    expect(data.offHoursLines.some((l) => l.start < '12:00')).toBe(true);
    expect(data.auditLog.filter((a) => a.action === 'offHours.line')).toHaveLength(data.offHoursLines.length);
  });

  it('loads through the app and passes its validators; the admin signs in with the bench PIN', async () => {
    const db = await loadedDb(data);
    expect(await checkLoadedDesk(db)).toEqual([]);
    expect(await db.cases.count()).toBe(data.cases.length);
    expect(await db.auditLog.count()).toBeGreaterThanOrEqual(data.auditLog.length);
    const desk = testDesk(db, { staffId: 'staff-1' });
    expect((await signIn(desk, 'staff-admin', BENCH_PIN)).ok).toBe(true);
    // Lifecycles went everywhere: transfers, escalations, rectifications, archive numbers.
    const events = await db.caseEvents.toArray();
    for (const action of ['转办', '签收', '上报街道', '报到', '核实结项', '办结', '回访', '评价', '归档'])
      expect(
        events.some((e) => e.action === action),
        action,
      ).toBe(true);
    const counts = await queueCounts(desk);
    // Counts are kept (exact, issue 28); the tab shows 「1000+」 past the cap: the 1/10 desk has more cases than that.
    expect(data.cases.length).toBeGreaterThan(QUEUE_COUNT_CAP);
    expect(counts['全部办件']).toBe(data.cases.length);
    expect(countLabel(counts['全部办件'])).toBe(`${QUEUE_COUNT_CAP}+`);
    expect(counts['全部在办']).toBeGreaterThan(0);
    // Case search by a tail read off a receipt: day and number find the one case; the
    // number alone finds that number of every day, newest first.
    const some = data.cases[10]!;
    // The tail as the receipt prints it: day, desk and number ('20261124-010007').
    expect((await searchCases(desk, some.trackingNumber.slice(-15), [])).map((c) => c.id)).toEqual([some.id]);
    const byNumber = await searchCases(desk, some.trackingNumber.slice(-4), []);
    expect(byNumber).toHaveLength(50);
    const days = byNumber.map((c) => c.acceptedDay);
    expect(days).toEqual([...days].sort().reverse());
    expect(byNumber.every((c) => c.trackingNumber.endsWith(some.trackingNumber.slice(-4)))).toBe(true);
    db.close();
  });

  it('has 帮代办 of every kind: sources, statuses, visits alone, hand-overs, documents out', () => {
    const statuses = new Set(data.proxyTasks.map((t) => t.status));
    for (const s of ['待确认', '办理中', '待送达', '已送达', '已取消'] as const) expect(statuses.has(s), s).toBe(true);
    expect(new Set(data.proxyTasks.map((t) => t.source))).toEqual(new Set(['窗口', '电话', '入户走访']));
    // Every 帮代办 case has its request; a few requests have no case (待确认, or cancelled first).
    const proxyCases = data.cases.filter((c) => c.mode === '帮代办');
    expect(proxyCases.length).toBeGreaterThan(100);
    expect(data.proxyTasks.filter((t) => t.caseId)).toHaveLength(proxyCases.length);
    expect(data.proxyTasks.some((t) => !t.caseId && t.status === '已取消')).toBe(true);
    expect(data.proxyTasks.some((t) => t.caseId && t.status === '已取消')).toBe(true);
    const visited = data.proxyTasks.filter((t) => t.visitedDay);
    const solo = visited.filter((t) => t.visit!.staffIds.length === 1);
    expect(solo.length).toBeGreaterThan(0);
    expect(solo.length).toBeLessThan(visited.length / 5);
    expect(solo.every((t) => t.visit!.soloReason)).toBe(true);
    // Documents: mostly originals; handed to the street office and to colleagues; some kept.
    const items = data.custodyItems;
    expect(items.filter((i) => i.original).length).toBeGreaterThan(items.length / 2);
    const events = items.flatMap((i) => i.events);
    expect(events.some((e) => e.type === '移交' && e.to.kind === 'street')).toBe(true);
    expect(events.some((e) => e.type === '移交' && e.to.kind === 'staff')).toBe(true);
    expect(events.some((e) => e.type === '取回')).toBe(true);
    expect(items.some((i) => i.status === '已留存')).toBe(true);
    const out = items.filter((i) => i.status === '在外');
    expect(out.length).toBeGreaterThan(0);
    expect(out.some((i) => NOW - i.collectedAt > 7 * 86_400_000)).toBe(true);
    // Per case: 1–3 documents, from the matter's list.
    const perCase = new Map<string, number>();
    for (const i of items) perCase.set(i.caseId, (perCase.get(i.caseId) ?? 0) + 1);
    expect(Math.max(...perCase.values())).toBeLessThanOrEqual(3);
    const byCode = new Map(data.catalog.map((m) => [m.code, m]));
    const caseOf = new Map(data.cases.map((c) => [c.id, c]));
    for (const i of items)
      expect(byCode.get(caseOf.get(i.caseId)!.matterCode)!.documents.map((d) => d.name)).toContain(i.document);
  });

  it('the bulk loader stores exactly the generated records (whatever order it writes them in), with their derived fields', async () => {
    const tiny = generateDesk('tiny');
    const db = await loadedDb(tiny);
    const keyed: [EntityName, readonly { id: string }[]][] = [
      ['residents', tiny.residents],
      ['visits', tiny.visits],
      ['cases', tiny.cases],
      ['caseEvents', tiny.caseEvents],
      ['proxyTasks', tiny.proxyTasks],
      ['custodyItems', tiny.custodyItems],
      ['problems', tiny.problems],
      ['meetings', tiny.meetings],
      ['agendaItems', tiny.agendaItems],
      ['homeVisits', tiny.homeVisits],
      ['handovers', tiny.handovers],
      ['handoverReads', tiny.handoverReads],
      ['offHoursLines', tiny.offHoursLines],
    ];
    for (const [name, rows] of keyed) {
      const stored = await db.table(name).toArray();
      const expected = rows
        .map((r) => deriveFields(name, r as never) as { id: string })
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(stored, name).toEqual(expected);
    }
    expect(await db.counters.toArray()).toEqual([...tiny.counters].sort((a, b) => (a.key < b.key ? -1 : 1)));
    // The audit log's keys are its order: the generated rows follow the set-up's, as generated.
    const audit = await db.auditLog.orderBy('seq').toArray();
    expect(audit.slice(-tiny.auditLog.length).map(({ seq: _seq, ...row }) => row)).toEqual(
      tiny.auditLog.map((r) => deriveFields('auditLog', r)),
    );
    db.close();
  });

  it('the check refuses a desk that breaks the 帮代办 rules', async () => {
    const db = freshDb();
    const { calendar, catalog, ...records } = generateDesk('tiny');
    const broken = { ...structuredClone(records), calendar, catalog };
    const closed = broken.cases.find((c) => c.mode === '帮代办' && c.status === '已办结')!;
    const task = broken.proxyTasks.find((t) => t.caseId === closed.id)!;
    task.status = '待送达';
    delete task.delivery;
    const item = broken.custodyItems.find((i) => i.status === '已归还')!;
    item.holder = { kind: 'staff', staffId: 'staff-2' };
    item.status = '在外';
    const orphan = broken.custodyItems.find((i) => i !== item)!;
    orphan.caseId = 'no-such-case';
    const handedOver = broken.custodyItems.find(
      (i) => i !== item && i !== orphan && i.events.some((e) => e.type === '移交'),
    )!;
    expect(replayCustody(handedOver)).toMatchObject({ status: handedOver.status });
    handedOver.events = handedOver.events.slice(1); // its 收取 lost: the replay is refused
    // A 错时 line inside standard hours (a Tuesday afternoon) is not one the app would keep.
    const inHours = {
      id: 'line-in-hours',
      staffId: 'staff-1',
      day: '2026-11-17',
      start: '14:00',
      end: '15:00',
      content: '下午走访',
      at: 1,
    };
    broken.offHoursLines = [...broken.offHoursLines, inHours];
    await loadDesk(db, broken, { iterations: 1000 });
    const problems = await checkLoadedDesk(db);
    expect(problems).toEqual(
      expect.arrayContaining([
        `case ${closed.id}: closed (办结) before its request was delivered (已送达)`,
        `custody item ${item.id}: holder or status is not the replay of its events`,
        `custody item ${orphan.id}: case no-such-case does not exist`,
        expect.stringMatching(new RegExp(`^custody item ${handedOver.id}: event \\d+ \\(.+\\) refused`)),
        "offHours line line-in-hours: refused by the app's rule (start)",
      ]),
    );
    db.close();
  });

  it('has 联席会议 of every kind: a meeting a week, moved, cancelled, prepared; every source, kind and decision', () => {
    const calendar = createCalendar();
    const byDay = [...data.meetings].sort((a, b) => a.day.localeCompare(b.day));
    // About one a week over the five years: held on Friday, or on Thursday when Friday is a holiday.
    expect(byDay.length).toBeGreaterThan(250);
    const held = byDay.filter((m) => m.status === '已召开');
    expect(held.every((m) => calendar.isWorkingDay(m.day))).toBe(true);
    expect(held.filter((m) => !m.movedFrom).every((m) => new Date(`${m.day}T00:00:00Z`).getUTCDay() === 5)).toBe(true);
    const moved = held.filter((m) => m.movedFrom);
    expect(moved.length).toBeGreaterThan(3);
    expect(moved.some((m) => !calendar.isWorkingDay(m.movedFrom![0]!))).toBe(true);
    // The Spring Festival week of 2024 (Thursday and Friday both holidays): cancelled.
    expect(byDay.find((m) => m.day === '2024-02-16')).toMatchObject({ status: '已取消', cancelReason: '节假日休息' });
    expect(byDay.filter((m) => m.status === '已取消' && m.cancelReason !== '节假日休息').length).toBeGreaterThan(0);
    expect(byDay.at(-1)).toMatchObject({ day: '2026-11-27', status: '筹备中' });
    // Attendance: most present, never everyone every time.
    const listed = held.reduce((n, m) => n + m.attendees.length, 0);
    const present = held.reduce((n, m) => n + m.attendees.filter((a) => a.present).length, 0);
    expect(present / listed).toBeGreaterThan(0.6);
    expect(present).toBeLessThan(listed);
    // The pool: 诉求 (each TS case has its one problem), home visits (some with a place and no
    // resident), raised at the meeting; a few merged.
    const ts = data.cases.filter((c) => c.matterCode.startsWith('TS-') && c.visitId);
    expect(ts.length).toBeGreaterThan(100);
    const complaints = data.problems.filter((p) => p.sources[0]?.kind === '窗口诉求');
    expect(new Set(complaints.map((p) => p.caseId))).toEqual(new Set(ts.map((c) => c.id)));
    const visits = new Map(data.visits.map((v) => [v.id, v]));
    expect(ts.every((c) => visits.get(c.visitId!)?.kind === '诉求')).toBe(true);
    const fromVisits = data.problems.filter((p) => p.sources[0]?.kind === '入户走访');
    expect(fromVisits.some((p) => p.place && !p.sources[0]!.residentId)).toBe(true);
    expect(fromVisits.some((p) => p.sources[0]!.residentId)).toBe(true);
    expect(data.problems.some((p) => p.sources[0]?.kind === '会上提出')).toBe(true);
    const merged = data.problems.filter((p) => p.status === '已合并');
    expect(merged.length).toBeGreaterThan(0);
    const into = data.problems.find((p) => p.id === merged[0]!.mergedInto)!;
    expect(into.sources.length).toBeGreaterThan(1);
    // Every kind of entry and decision; a merged problem on no agenda.
    expect(new Set(data.agendaItems.map((i) => i.kind))).toEqual(
      new Set(['新问题', '上次结转', '超期办件', '待街道', '临时增加']),
    );
    const types = new Set(data.agendaItems.flatMap((i) => (i.decision ? [i.decision.type] : [])));
    expect(types).toEqual(new Set(['社区处置', '上报街道', '继续跟踪', '已解决']));
    const mergedIds = new Set(merged.map((p) => p.id));
    expect(data.agendaItems.some((i) => i.problemId && mergedIds.has(i.problemId))).toBe(false);
    // 社区处置 through 会议交办: the owner and the due day on the case; some on a case the meeting accepted.
    const handed = data.caseEvents.filter((e) => e.action === '会议交办');
    expect(handed.length).toBeGreaterThan(50);
    expect(data.cases.some((c) => !c.visitId && c.matterCode.startsWith('TS-'))).toBe(true);
    // A carried problem comes back at the next meeting held, as 上次结转.
    const carried = data.problems.find((p) => p.decisions.length >= 2 && p.decisions[0]!.type === '继续跟踪')!;
    const nextHeld = held.find((m) => m.day > carried.decisions[0]!.day)!;
    expect(
      data.agendaItems.some((i) => i.meetingId === nextHeld.id && i.problemId === carried.id && i.kind === '上次结转'),
    ).toBe(true);
  });

  it('each agenda is what buildAgenda gives for the first meeting’s pool', () => {
    // The first meeting: nothing decided before it, no case overdue — its agenda is the pool then.
    const first = [...data.meetings].sort((a, b) => a.day.localeCompare(b.day))[0]!;
    const pool = data.problems
      .filter((p) => p.createdAt < Date.parse(`${first.day}T15:00:00+08:00`))
      .map((p) => ({ ...p, status: '待研究' as const, decisions: [] }))
      .filter((p) => !p.mergedInto);
    const expected = buildAgenda({ day: first.day, problems: pool, cases: [] }).map((e) => e.problemId);
    const items = data.agendaItems.filter((i) => i.meetingId === first.id).sort((a, b) => a.order - b.order);
    expect(items.filter((i) => i.kind !== '临时增加' && i.kind !== '超期办件').map((i) => i.problemId)).toEqual(
      expected,
    );
  });

  it('the check refuses a desk that breaks the 联席会议 rules', async () => {
    const db = freshDb();
    const { calendar, catalog, ...records } = generateDesk('tiny');
    const broken = { ...structuredClone(records), calendar, catalog };
    const orphan = broken.agendaItems[0]!;
    orphan.meetingId = 'no-such-meeting';
    const decided = broken.problems.find((p) => p.decisions.length > 0 && p.status !== '已合并')!;
    decided.status = '待研究';
    const twice = broken.agendaItems.find((i) => i !== orphan && i.problemId)!;
    broken.agendaItems.push({ ...twice, id: 'dup-item', order: 99 });
    const loose = broken.problems.find((p) => p !== decided && p.decisions.length === 0)!;
    loose.status = '已合并';
    loose.mergedInto = 'no-such-problem';
    await loadDesk(db, broken, { iterations: 1000 });
    expect(await checkLoadedDesk(db, { everyStatus: false })).toEqual(
      expect.arrayContaining([
        `agenda item ${orphan.id}: meeting no-such-meeting does not exist`,
        `problem ${decided.id}: status 待研究 is not its last decision's effect`,
        `meeting ${twice.meetingId}: problem ${twice.problemId} twice on its agenda`,
        `problem ${loose.id}: merged into no existing problem`,
      ]),
    );
    db.close();
  });

  it('every queue page, with any filters, is the oracle’s page: the right cases in the right order', async () => {
    const db = await loadedDb(data);
    const all = await db.cases.toArray();
    const staffId = 'staff-3';
    const desk = testDesk(db, { staffId });
    const q = queueContextOf(desk);
    const grid = 'grid-2';
    const matter = all.find((c) => c.status === '办理中')!.matterCode;
    const filters: CaseFilter[] = [
      {},
      { gridId: grid },
      { status: '办理中' },
      { matterCode: matter },
      { gridId: grid, matterCode: matter },
      { gridId: grid, status: '已归档' },
    ];
    for (const queue of QUEUES)
      for (const filter of filters) {
        const range = queueRange(queue, q, {});
        // Oracle: every case whose unfiltered key for this queue is in range, filtered in JS, in key order.
        const keyed = all
          .map((c) => ({
            c,
            key: c.queueKeys!.find((k) => k >= range.lower && (range.upperOpen ? k < range.upper : k <= range.upper)),
          }))
          .filter((x): x is { c: CaseRecord; key: string } => x.key !== undefined && matchesRest(x.c, filter))
          .sort((a, b) => (a.key < b.key ? -1 : 1));
        if (range.reverse) keyed.reverse();
        const expected = keyed.map((x) => x.c.id);
        // Two pages, the second read on from the first one's cursor.
        let after: string | undefined;
        for (const offset of [0, 25]) {
          const page = await queuePage(desk, queue, filter, { ...(after !== undefined ? { after } : {}), limit: 25 });
          after = page.next;
          const name = `${queue} ${JSON.stringify(filter)} @${offset}`;
          expect(await queueTotal(desk, queue, filter), name).toBe(Math.min(expected.length, QUEUE_COUNT_CAP + 1));
          expect(
            page.rows.map((r) => r.id),
            name,
          ).toEqual(expected.slice(offset, offset + 25));
          expect(page.hasMore, name).toBe(expected.length > offset + 25);
        }
      }
    db.close();
  });
});
