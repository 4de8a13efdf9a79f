/**
 * The setup wizard's form state and per-step validation (Chinese messages at the field).
 */
import type { OpeningHours } from '@shared/domain/records';
import {
  DEFAULT_OPENING_HOURS,
  parseGridNames,
  validateCommunityName,
  validateGrids,
  validateOpeningHours,
  validatePopulation,
  validateStreet,
} from '@shared/domain/community';
import { validateCommunityCode } from '@shared/domain/trackingNumber';
import { DEFAULT_DESK_IDENTITY, validateDeskIdentity } from '@shared/domain/deskNumber';
import { validateSecret } from '@shared/domain/credentials';
import { validatePhone } from '@shared/domain/phone';
import { secretErrors } from '../../components/SecretFields';

export type SetupForm = {
  name: string;
  code: string;
  /** 本机窗口号 (1–99) and 窗口名称: this machine as a desk of the center (machine settings). */
  deskNo: string;
  deskName: string;
  population: string;
  phone: string;
  street: string;
  grids: string;
  openingHours: OpeningHours;
  adminName: string;
  adminSecret: string;
  adminSecretAgain: string;
};

export type SetupErrors = Partial<Record<keyof SetupForm, string>>;

export const emptySetupForm: SetupForm = {
  name: '',
  code: '',
  deskNo: String(DEFAULT_DESK_IDENTITY.no),
  deskName: DEFAULT_DESK_IDENTITY.name,
  population: '',
  phone: '',
  street: '',
  grids: '',
  openingHours: DEFAULT_OPENING_HOURS,
  adminName: '',
  adminSecret: '',
  adminSecretAgain: '',
};

function phoneError(text: string): string | null {
  if (!text.trim()) return '请填写服务中心电话（印在回执上）';
  const r = validatePhone(text);
  return r.ok ? null : r.message;
}

function codeError(text: string): string | null {
  const r = validateCommunityCode(text.trim().toUpperCase());
  return r.ok ? null : r.message;
}

function deskError(f: SetupForm, field: 'no' | 'name'): string | null {
  const r = validateDeskIdentity({ no: f.deskNo, name: f.deskName });
  return !r.ok && r.field === field ? r.message : null;
}

export function validateStep(step: number, f: SetupForm): SetupErrors {
  const secret = secretErrors(validateSecret, f.adminSecret, f.adminSecretAgain);
  const checks: [keyof SetupForm, string | null][] =
    step === 0
      ? [
          ['name', validateCommunityName(f.name)],
          ['code', codeError(f.code)],
          ['deskNo', deskError(f, 'no')],
          ['deskName', deskError(f, 'name')],
          ['population', validatePopulation(f.population)],
          ['phone', phoneError(f.phone)],
          ['street', validateStreet(f.street)],
        ]
      : step === 1
        ? [
            ['grids', validateGrids(parseGridNames(f.grids))],
            ['openingHours', validateOpeningHours(f.openingHours)],
          ]
        : [
            ['adminName', f.adminName.trim() ? null : '请填写管理员姓名'],
            ['adminSecret', secret.secret ?? null],
            ['adminSecretAgain', secret.again ?? null],
          ];
  return Object.fromEntries(checks.filter(([, msg]) => msg !== null)) as SetupErrors;
}
