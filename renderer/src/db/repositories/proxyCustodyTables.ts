/**
 * The tables one 帮代办 step or one custody move writes, in its one transaction: each cascades
 * into the other (a 收取 on the visit's day records the visit; a 送达 returns the originals still
 * out) and both move the case (its events, the counters of its numbers) and read the staff.
 */
export const PROXY_CUSTODY_TABLES = [
  'proxyTasks',
  'proxyEvents',
  'custodyItems',
  'custodyEvents',
  'cases',
  'caseEvents',
  'counters',
  'staff',
] as const;

export type ProxyCustodyTable = (typeof PROXY_CUSTODY_TABLES)[number];
