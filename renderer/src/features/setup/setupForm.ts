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
import { validateStreetCode, validateStreetName, type InstallKind } from '@shared/domain/street/install';

/** The wizard's steps for each kind: a street asks nothing about grids, opening hours or residents. */
export const SETUP_STEPS = {
  社区: ['社区信息', '网格与开放时间', '管理员账号'],
  街道: ['街道信息', '管理员账号'],
} as const satisfies Record<InstallKind, readonly string[]>;
export type SetupStep = (typeof SETUP_STEPS)[InstallKind][number];

export type SetupForm = {
  /** 社区 or 街道 (issue 27): which installation this machine is. */
  kind: InstallKind;
  /** A street install: the street's name and code. */
  streetName: string;
  streetCode: string;
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
  kind: '社区',
  streetName: '',
  streetCode: '',
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

function streetCodeError(text: string): string | null {
  const r = validateStreetCode(text);
  return r.ok ? null : r.message;
}

export function validateStep(step: SetupStep, f: SetupForm): SetupErrors {
  const secret = secretErrors(validateSecret, f.adminSecret, f.adminSecretAgain);
  const checks: [keyof SetupForm, string | null][] =
    step === '街道信息'
      ? [
          ['streetName', validateStreetName(f.streetName)],
          ['streetCode', streetCodeError(f.streetCode)],
        ]
      : step === '社区信息'
        ? [
            ['name', validateCommunityName(f.name)],
            ['code', codeError(f.code)],
            ['deskNo', deskError(f, 'no')],
            ['deskName', deskError(f, 'name')],
            ['population', validatePopulation(f.population)],
            ['phone', phoneError(f.phone)],
            ['street', validateStreet(f.street)],
          ]
        : step === '网格与开放时间'
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
