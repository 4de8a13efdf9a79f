/**
 * Every refusal of the hub's validation (shared/sync/designDoc.ts, run here as CouchDB runs it:
 * the source text with a document, the stored one and the user) has its own Chinese sentence for
 * the 中心拒收 list — none falls through to the general one.
 */
import { describe, expect, it } from 'vitest';
import { refusalText, validateDocUpdateSource } from '../../../shared/sync/designDoc';

type Validate = (doc: object, old: object | null, user: { roles: string[] }) => void;
const validate = new Function(
  `return (${validateDocUpdateSource({ maxSchema: 1, immutableTables: ['caseEvents'] })});`,
)() as Validate;
const desk = { roles: ['desk'] };
const reasonOf = (doc: object, old: object | null = null, user = desk): string => {
  try {
    validate(doc, old, user);
  } catch (e) {
    return Object.values(e as Record<string, string>)[0]!;
  }
  throw new Error('not refused');
};
const ok = { type: 'visits', schema: 1 };

describe('refusalText', () => {
  it('says in Chinese why each document was refused', () => {
    const cases: [string, string][] = [
      [reasonOf({ _id: 'visits:1', schema: 1 }), '数据缺少类型（type）或类型与编号不符，中心拒收'],
      [reasonOf({ _id: 'visits:1', type: 'staff', schema: 1 }), '数据缺少类型（type）或类型与编号不符，中心拒收'],
      [reasonOf({ _id: 'visits:1', type: 'visits' }), '数据缺少版本号（schema），中心拒收'],
      [
        reasonOf({ _id: 'visits:1', type: 'visits', schema: 2 }),
        '数据来自较新版本的社区值班台，中心尚未升级，暂不接收',
      ],
      [
        reasonOf({ _id: 'caseEvents:1', type: 'caseEvents', schema: 1 }, { _id: 'caseEvents:1' }),
        '办理记录和日志一经写入不能更改，中心拒收了对它的修改',
      ],
      [
        reasonOf({ _id: 'desk:1', type: 'desk', schema: 1 }, { _id: 'desk:1' }),
        '窗口号的登记一经写入不能更改，中心拒收了对它的修改',
      ],
      [reasonOf({ _id: 'visits:1', ...ok }, null, { roles: [] }), '本窗口的账号无权写入中心数据'],
    ];
    for (const [reason, text] of cases) expect(refusalText(reason), reason).toBe(text);
    expect(refusalText('something else')).toBe('中心服务器拒收了这条数据');
  });
});
