/**
 * The center database's design document (issue 24): the hub's own validation of every write,
 * `validate_doc_update`, run by CouchDB 3 (and by the test hub, express-pouchdb in `fullCouchDB`
 * mode) on every document a desk pushes — single writes, `_bulk_docs` rows (refused one by one)
 * and replicated revisions alike.
 *
 * It refuses (403 `forbidden`, 401 `unauthorized`):
 * - a write by an account that is neither a desk (role `desk`) nor an admin;
 * - a document without `type` (the table, equal to the id's prefix `<table>:`) or without an
 *   integer `schema` ≥ 1, or with a `schema` newer than the hub allows (`maxSchema`);
 * - any change or deletion of a document of an immutable table (events, audit rows);
 * - any change or deletion of a desk-number claim `desk:<n>` by a desk: a claim is created once
 *   (only a hub admin frees a number);
 * - a design document written by anyone but an admin.
 * A deletion (tombstone) carries no body, so it needs no type or schema.
 *
 * The function is ES5 source TEXT, not a compiled function: CouchDB's JavaScript engine (an old
 * SpiderMonkey in many Windows builds) gets exactly this text, a minifier cannot rename it, and
 * the desk can compare what the hub holds with what it expects (`version`, `maxSchema`).
 *
 * Who installs it: the setup step (scripts/hub-setup.mjs, README 中心同步服务器), with the hub's
 * admin account — in CouchDB only a database admin may write a design document, and desks are
 * members, never admins (a desk's password must not be enough to switch the validation off or to
 * open the database to others). The app only CHECKS it at join (renderer/src/sync/hubCheck.ts).
 */

export const DESIGN_DOC_ID = '_design/duty-desk';

/**
 * Bump when the validation below changes: a desk refuses to join a hub with an older one.
 * 2: the records of the package's exports (packageExports) are immutable too.
 * 3: the 走访记录 (homeVisits), the lines added to 错时服务 (offHoursLines) and the hand-over
 *    notes with their 签阅 (handovers, handoverReads) are immutable too.
 */
export const DESIGN_DOC_VERSION = 3;

/** The CouchDB role of every desk account (the database's `_security` members). */
export const DESK_ROLE = 'desk';

export type DesignDocLimits = {
  /** The newest document schema the hub accepts (contract.ts SYNC_SCHEMA of the app that set it up). */
  maxSchema: number;
  /** Tables whose documents never change once written (contract.ts IMMUTABLE_TABLES). */
  immutableTables: readonly string[];
};

export type DesignDoc = {
  _id: typeof DESIGN_DOC_ID;
  _rev?: string;
  version: number;
  maxSchema: number;
  validate_doc_update: string;
};

const SOURCE = `function (newDoc, oldDoc, userCtx) {
  var MAX_SCHEMA = __MAX_SCHEMA__;
  var IMMUTABLE = __IMMUTABLE__;
  var DESK_ROLE = __DESK_ROLE__;
  var roles = userCtx.roles || [];
  var isAdmin = roles.indexOf('_admin') !== -1;
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) throw({ forbidden: 'only a hub admin changes the design document' });
    return;
  }
  if (!isAdmin && roles.indexOf(DESK_ROLE) === -1) throw({ unauthorized: 'a desk account is required' });
  var colon = id.indexOf(':');
  var prefix = colon > 0 ? id.slice(0, colon) : '';
  var existing = oldDoc && !oldDoc._deleted;
  if (IMMUTABLE.indexOf(prefix) !== -1 && (existing || newDoc._deleted)) {
    throw({ forbidden: 'immutable: ' + prefix + ' documents are never changed or deleted' });
  }
  if (prefix === 'desk' && !isAdmin && (existing || newDoc._deleted)) {
    throw({ forbidden: 'desk claim: ' + id + ' is already claimed; only a hub admin frees it' });
  }
  if (newDoc._deleted) return;
  if (typeof newDoc.type !== 'string' || newDoc.type === '') throw({ forbidden: 'type required' });
  if (newDoc.type !== prefix) throw({ forbidden: 'type must be the id prefix' });
  if (typeof newDoc.schema !== 'number' || newDoc.schema % 1 !== 0 || newDoc.schema < 1) {
    throw({ forbidden: 'schema required' });
  }
  if (newDoc.schema > MAX_SCHEMA) throw({ forbidden: 'schema newer than this hub allows: ' + newDoc.schema });
}`;

/** The `validate_doc_update` source for these limits. */
export function validateDocUpdateSource(limits: DesignDocLimits): string {
  if (!Number.isInteger(limits.maxSchema) || limits.maxSchema < 1) throw new Error('designDoc: maxSchema');
  if (!limits.immutableTables.every((t) => /^[A-Za-z][A-Za-z0-9]*$/.test(t))) throw new Error('designDoc: table');
  return SOURCE.replace('__MAX_SCHEMA__', String(limits.maxSchema))
    .replace('__IMMUTABLE__', JSON.stringify(limits.immutableTables))
    .replace('__DESK_ROLE__', JSON.stringify(DESK_ROLE));
}

/** The design document the setup step installs (its `_rev` is the hub's). */
export function designDoc(limits: DesignDocLimits): DesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    version: DESIGN_DOC_VERSION,
    maxSchema: limits.maxSchema,
    validate_doc_update: validateDocUpdateSource(limits),
  };
}

/**
 * What a desk needs of the hub's design document, in Chinese for the join screen; undefined when
 * it is there and fits (`found` is what `GET /<db>/_design/duty-desk` returned, null on 404).
 */
export function designDocProblem(found: unknown, needs: { schema: number }): string | undefined {
  if (found === null || typeof found !== 'object') {
    return '中心服务器尚未完成设置（缺少校验规则），请站长按说明运行设置步骤后再加入';
  }
  const doc = found as Partial<DesignDoc>;
  if (typeof doc.validate_doc_update !== 'string' || typeof doc.version !== 'number') {
    return '中心服务器的校验规则无法识别，请站长重新运行设置步骤';
  }
  if (doc.version < DESIGN_DOC_VERSION) return '中心服务器的校验规则版本过旧，请站长重新运行设置步骤';
  if (typeof doc.maxSchema !== 'number' || doc.maxSchema < needs.schema) {
    return '中心服务器只接受较旧版本的数据，请站长用本版本重新运行设置步骤';
  }
  return undefined;
}

/** The validation's refusals above, as a person reads them (the 中心拒收 list): the reason → Chinese. */
const REFUSALS: readonly (readonly [RegExp, string])[] = [
  [/^immutable: /, '办理记录和日志一经写入不能更改，中心拒收了对它的修改'],
  [/^desk claim: /, '窗口号的登记一经写入不能更改，中心拒收了对它的修改'],
  [/^type /, '数据缺少类型（type）或类型与编号不符，中心拒收'],
  [/^schema required/, '数据缺少版本号（schema），中心拒收'],
  [/^schema newer/, '数据来自较新版本的社区值班台，中心尚未升级，暂不接收'],
  [/desk account is required/, '本窗口的账号无权写入中心数据'],
];

/** The Chinese for a refusal of this validation (the hub's `reason`); a general sentence for any other. */
export function refusalText(reason: string): string {
  return REFUSALS.find(([pattern]) => pattern.test(reason))?.[1] ?? '中心服务器拒收了这条数据';
}
