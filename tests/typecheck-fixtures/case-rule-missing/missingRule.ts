// The case machine's rule table assembled as shared/domain/caseMachine/rules.ts does, but with
// one action's rule missing — as when a type is added to CASE_ACTION_TYPES and its rule is
// forgotten. `satisfies CaseRuleTable` must refuse it.
import { archiveRules } from '../../../shared/domain/caseMachine/archive';
import { completionRules } from '../../../shared/domain/caseMachine/completion';
import { escalationRules } from '../../../shared/domain/caseMachine/escalation';
import { handlingRules } from '../../../shared/domain/caseMachine/handling';
import { transferRules } from '../../../shared/domain/caseMachine/transfer';
import type { CaseRuleTable } from '../../../shared/domain/caseMachine/types';

const { 签收: _forgotten, ...transferWithoutSignFor } = transferRules;

export const CASE_RULES = {
  ...handlingRules,
  ...transferWithoutSignFor,
  ...escalationRules,
  ...completionRules,
  ...archiveRules,
} satisfies CaseRuleTable;
