/**
 * Every data step of the database's versions (database.ts declares the versions; these are
 * what runs when a database on disk is older). A chunk of its own: the first screen loads it
 * only when an upgrade is pending (`loadUpgradeSteps`, called by UpgradeGate and by every opener
 * of an older database), so a desk that is up to date never loads the old versions' domain code.
 */
import { upgradeV2CaseQueues } from './v2-case-queues';
import { upgradeV3CaseOrder } from './v3-case-order';
import { upgradeV4CaseSearch } from './v4-case-search';
import { upgradeV5ReportMonths } from './v5-report-months';
import { upgradeV7Custody } from './v7-custody';
import { upgradeV8ProxyRequests } from './v8-proxy-requests';
import { upgradeV9ProblemPool } from './v9-problem-pool';
import { upgradeV10AuditIds } from './v10-audit-ids';
import { upgradeV12AuditChain } from './v12-audit-chain';
import { upgradeV13ReplayableEvents } from './v13-replayable-events';
import { upgradeV14DeskLocal } from './v14-desk-local';
import { upgradeV15CustodyEvents } from './v15-custody-events';
import { upgradeV16MergeUndos } from './v16-merge-undos';
import { upgradeV18ProblemEvents } from './v18-problem-events';
import { upgradeV24RotaCells } from './v24-rota-cells';
import { upgradeV26Handovers } from './v26-handovers';
import { upgradeV28Tallies } from './v28-tallies';
import { upgradeV29PoolKeys } from './v29-pool-keys';
import { upgradeV32CareKeys } from './v32-care-keys';
import { upgradeV33AuditDomain } from './v33-audit-domain';
import { upgradeV34CareLastVisits } from './v34-care-last-visits';
import { upgradeV38CareRegisterKeys } from './v38-care-register-keys';
import { upgradeV39SlimRows } from './v39-slim-rows';
import { upgradeV40StreetRecords } from './v40-street-records';

export const UPGRADE_STEPS = {
  2: upgradeV2CaseQueues,
  3: upgradeV3CaseOrder,
  4: upgradeV4CaseSearch,
  5: upgradeV5ReportMonths,
  7: upgradeV7Custody,
  8: upgradeV8ProxyRequests,
  9: upgradeV9ProblemPool,
  10: upgradeV10AuditIds,
  12: upgradeV12AuditChain,
  13: upgradeV13ReplayableEvents,
  14: upgradeV14DeskLocal,
  15: upgradeV15CustodyEvents,
  16: upgradeV16MergeUndos,
  18: upgradeV18ProblemEvents,
  24: upgradeV24RotaCells,
  26: upgradeV26Handovers,
  28: upgradeV28Tallies,
  29: upgradeV29PoolKeys,
  32: upgradeV32CareKeys,
  33: upgradeV33AuditDomain,
  34: upgradeV34CareLastVisits,
  38: upgradeV38CareRegisterKeys,
  39: upgradeV39SlimRows,
  40: upgradeV40StreetRecords,
} as const;

export type UpgradeVersion = keyof typeof UPGRADE_STEPS;
