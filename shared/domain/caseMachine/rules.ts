/**
 * The rule of every case action, assembled from the sub-processes. `satisfies CaseRuleTable`
 * makes a new action type without its rule a compile error (see
 * tests/typecheck-fixtures/case-rule-missing).
 */
import { archiveRules } from './archive';
import { completionRules } from './completion';
import { escalationRules } from './escalation';
import { handlingRules } from './handling';
import { transferRules } from './transfer';
import type { CaseRuleTable } from './types';

export const CASE_RULES = {
  ...handlingRules,
  ...transferRules,
  ...escalationRules,
  ...completionRules,
  ...archiveRules,
} satisfies CaseRuleTable;
