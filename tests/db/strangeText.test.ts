/**
 * Strange but valid text through the data layer (issue 22, item 13): emoji and ZWJ sequences, RTL
 * marks, markup, a leading formula sign, combining marks, text at a field's limit — saved through
 * the repositories into (fake) IndexedDB and read back is exactly what was typed, modulo the
 * documented normalisation of each field (a resident's address: NFKC, trimmed, whitespace
 * collapsed; a care profile: NFC, trimmed, collapsed; a visit's texts: trimmed).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createResident, getResident } from '../../renderer/src/db/repositories/residents';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { saveCareProfile } from '../../renderer/src/db/repositories/careRegister';
import { addProblem } from '../../renderer/src/db/repositories/problems';
import { registerProxyRequest } from '../../renderer/src/db/repositories/proxy';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import type { MatterTypeDef } from '@shared/domain/catalog';
import { PROBLEM_CATEGORIES } from '@shared/domain/records';
import { chars, STRANGE_PIECES, strangeText } from '../unit/fuzz/arbitraries';
import { communityDesk, freshDb, setUpCommunity } from './testDb';

/** Each property saves this many records: a count, never a time budget. */
const RUNS = 25;

const nfkc = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');
const nfc = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');
/** Free text without digits (names may not hold them) and within `max` once normalised. */
const textWithin = (max: number, normalise: (s: string) => string, noDigits = false) =>
  strangeText(max)
    .map((s) => (noDigits ? s.replace(/\p{N}/gu, '') : s))
    .filter((s) => s.trim() !== '' && chars(normalise(s)) <= max);

let phoneSeq = 0;
/** A mobile number no other test resident has (name + phone identify a resident on file). */
const nextPhone = () => `1390731${String(++phoneSeq).padStart(4, '0')}`;

let db: DutyDeskDB;
let desk: Desk;
let matter: MatterTypeDef;

beforeAll(async () => {
  db = freshDb();
  const admin = await setUpCommunity(db);
  desk = await communityDesk(db, { staffId: admin.id });
  const m = (await db.matterTypes.toArray()).find((x) => x.active && x.defaultMode === '承诺件');
  if (!m) throw new Error('no 承诺件 matter in the shipped catalog');
  matter = m;
});

/** A resident with a name and a phone only (and `tags`). */
function plainResident(name: string, tags: string[] = []) {
  return createResident(desk, {
    name,
    idNumber: '',
    phone: nextPhone(),
    building: '',
    unit: '',
    room: '',
    gridId: '',
    tags,
  });
}

describe('strange text is stored as typed', () => {
  it('each strange piece alone, as a resident’s 楼栋 and a visit’s 诉求内容', async () => {
    for (const piece of STRANGE_PIECES.filter((p) => p.trim() !== '')) {
      // The 楼栋 holds 20 characters: a longer piece (the <script> one) goes in two parts.
      const [building, unit] = [chars(piece) > 20 ? piece.slice(0, 12) : piece, piece.slice(12)];
      const r = await createResident(desk, {
        name: '测试',
        idNumber: '',
        phone: nextPhone(),
        building,
        unit: chars(piece) > 20 ? unit : '',
        room: '',
        gridId: '',
        tags: [],
      });
      const read = await getResident(desk, r.id);
      expect(`${read?.building}${read?.unit ?? ''}`).toBe(nfkc(piece));
      const { visit } = await registerVisit(desk, { channel: '来站', kind: '咨询', content: piece, cases: [] });
      expect((await db.visits.get(visit.id))?.content).toBe(piece.trim());
    }
  });

  it('a resident’s address parts (NFKC, trimmed) and a name with combining marks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('José', 'Zoë', 'Anaïs-Lou', '阿依古丽·买买提'),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          (s) => s.normalize('NFD'),
        ),
        textWithin(20, nfkc),
        textWithin(20, nfkc),
        textWithin(20, nfkc),
        async (name, form, building, unit, room) => {
          const saved = await createResident(desk, {
            name: form(name),
            idNumber: '',
            phone: nextPhone(),
            building,
            unit,
            room,
            gridId: '',
            tags: [],
          });
          const read = await getResident(desk, saved.id);
          expect(read?.name).toBe(name.normalize('NFKC'));
          expect(read?.building).toBe(nfkc(building));
          expect(read?.unit).toBe(nfkc(unit));
          expect(read?.room).toBe(nfkc(room));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a visit’s 诉求内容 (up to 2000 characters), its agent, and a 不予受理 reason and 办理途径 (trimmed)', async () => {
    const resident = await plainResident('王五');
    await fc.assert(
      fc.asyncProperty(
        textWithin(2000, (s) => s.trim()),
        textWithin(30, (s) => s.trim(), true),
        textWithin(10, (s) => s.trim()),
        textWithin(500, (s) => s.trim()),
        textWithin(200, (s) => s.trim()),
        async (content, agentName, relation, reason, redirect) => {
          const { visit, cases } = await registerVisit(desk, {
            residentId: resident.id,
            channel: '来站',
            kind: '办件',
            content,
            agent: { name: agentName, relation },
            cases: [{ matter, mode: '不予受理', received: [], refusalReason: reason, redirectTo: redirect }],
          });
          const v = await db.visits.get(visit.id);
          expect(v?.content).toBe(content.trim());
          expect(v?.agent).toEqual({ name: agentName.trim(), relation: relation.trim() });
          const c = await db.cases.get(cases[0]!.id);
          expect(c?.refusalReason).toBe(reason.trim());
          expect(c?.redirectTo).toBe(redirect.trim());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a 诉求 without a resident: its content and place; a problem from a home visit: its title and place', async () => {
    const noDigitRuns = (max: number) => textWithin(max, (s) => s.trim(), true).filter((s) => chars(s.trim()) >= 2);
    await fc.assert(
      fc.asyncProperty(
        textWithin(2000, (s) => s.trim()),
        textWithin(60, (s) => s.trim()),
        noDigitRuns(60),
        fc.constantFrom(...PROBLEM_CATEGORIES),
        async (content, place, title, category) => {
          const { visit } = await registerVisit(desk, {
            channel: '来电',
            kind: '诉求',
            content,
            cases: [],
            complaint: { category, place },
          });
          expect((await db.visits.get(visit.id))?.content).toBe(content.trim());
          const fromVisit = await db.problems.where('status').equals('待研究').toArray();
          expect(fromVisit.some((p) => p.place === place.trim())).toBe(true);

          const p = await addProblem(desk, { title, category, place, source: '入户走访' });
          const read = await db.problems.get(p.id);
          expect(read?.title).toBe(title.trim());
          expect(read?.place).toBe(place.trim());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a 帮代办 request from a call (trimmed)', async () => {
    const resident = await plainResident('陈志刚');
    await fc.assert(
      fc.asyncProperty(
        textWithin(500, (s) => s.trim()).filter((s) => chars(s.trim()) >= 2),
        async (request) => {
          const task = await registerProxyRequest(desk, { residentId: resident.id, source: '电话', request });
          expect((await db.proxyTasks.get(task.id))?.request).toBe(request.trim());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a care profile (NFC, trimmed, whitespace collapsed)', async () => {
    const resident = await plainResident('刘桂英', ['独居老人']);
    await fc.assert(
      fc.asyncProperty(
        textWithin(20, nfc, true),
        textWithin(10, nfc),
        textWithin(20, nfc),
        textWithin(30, nfc),
        textWithin(200, nfc),
        async (contactName, contactRelation, dialect, preferredTime, note) => {
          await saveCareProfile(desk, resident.id, {
            contactName,
            contactRelation,
            needs: ['只讲方言'],
            dialect,
            preferredTime,
            note,
          });
          const care = (await getResident(desk, resident.id))?.care;
          expect(care).toEqual({
            contactName: nfc(contactName),
            contactRelation: nfc(contactRelation),
            needs: ['只讲方言'],
            dialect: nfc(dialect),
            preferredTime: nfc(preferredTime),
            note: nfc(note),
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
