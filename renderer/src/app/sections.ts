/**
 * THE tables of the signed-in screens (a community's SECTIONS, a street office's STREET_SECTIONS),
 * in the order the desk uses them: each section's name,
 * path, page (its own lazy chunk, lazyPages.ts), shortcut and the permission that shows it.
 * The navigation, the routes (AppShell) and the Alt+1…9 shortcuts (deskShortcuts) are derived
 * from it; a section is added here and nowhere else. `plan` says, on a section without a page
 * yet, what will be there (no fake data); `nested`: the section has pages under its path.
 */
import type { ComponentType } from 'react';
import type { Permission } from '@shared/domain/roles';
import {
  AuditLogPage,
  CasesSection,
  DashboardPage,
  DutySection,
  IntakeSection,
  MeetingsSection,
  ProxySection,
  ReportsSection,
  ResidentsSection,
  SettingsPage,
  StreetBackupPage,
  StreetCommunitiesPage,
  StreetImportPage,
  StreetSettingsPage,
  StreetSummaryPage,
  StreetWhistlePage,
} from './lazyPages';

type Digit = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type Section = {
  path: `/${string}`;
  label: string;
  /** Alt+1 … Alt+9: the section's key from every screen. */
  shortcut?: `Alt+${Digit}`;
  plan: string;
  page?: ComponentType;
  nested?: boolean;
  permission: Permission;
  /** Where the shell offers it: the left navigation, or the top bar (操作日志). */
  place: 'nav' | 'topBar';
};

export const SECTIONS: readonly Section[] = [
  {
    path: '/dashboard',
    label: '工作台',
    shortcut: 'Alt+1',
    plan: '',
    page: DashboardPage,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/intake',
    label: '来访登记',
    shortcut: 'Alt+2',
    plan: '登记来站、来电、走访和网上来访：查找或登记居民，记录诉求，选择事项、核对材料，即办或受理并打印回执。',
    page: IntakeSection,
    nested: true,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/cases',
    label: '办件',
    shortcut: 'Alt+3',
    plan: '办件全流程：我的办件、待签收、今日到期、即将超期、已超期；转办签收、上报街道、办结回访、评价和归档。',
    page: CasesSection,
    nested: true,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/proxy',
    label: '帮代办',
    shortcut: 'Alt+4',
    plan: '为行动不便的居民上门代办：委托授权、上门收件、材料交接登记、办理结果送达。',
    page: ProxySection,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/meetings',
    label: '联席会议',
    shortcut: 'Alt+5',
    plan: '每周联席会议：从本周未解决的问题生成议程，记录每项决定（社区办理、上报街道、持续关注）和会议纪要，未决事项自动结转。',
    page: MeetingsSection,
    nested: true,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/reports',
    label: '统计报表',
    shortcut: 'Alt+6',
    plan: '周报与统计：按事项、渠道、网格汇总本周工作，导出报送街道的周报（只含街道需要的信息）。',
    page: ReportsSection,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/residents',
    label: '居民',
    shortcut: 'Alt+7',
    plan: '居民信息：按姓名、拼音首字母、电话或身份证后几位查找，登记和修改居民信息，查看其来访和办件记录。',
    page: ResidentsSection,
    nested: true,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/rota',
    label: '值班',
    shortcut: 'Alt+8',
    plan: '值班表与交接班：安排每天的值班岗和走访岗，下班前填写交接班记录，上班时查看昨日交接。',
    page: DutySection,
    permission: 'desk.work',
    place: 'nav',
  },
  {
    path: '/settings',
    label: '设置',
    shortcut: 'Alt+9',
    plan: '',
    page: SettingsPage,
    permission: 'desk.work',
    place: 'nav',
  },
  { path: '/audit', label: '操作日志', plan: '', page: AuditLogPage, permission: 'audit.read', place: 'topBar' },
];

/** The 操作日志 (top bar, `audit.read`): the same page on both kinds of installation. */
const AUDIT_SECTION = SECTIONS.find((s) => s.path === '/audit')!;

/**
 * A street office's sections (issue 27: a street installation, app/AppShell.tsx with this table):
 * 社区名单, 周报接收, 汇总, 吹哨事项, 设置, 数据备份, and the 操作日志 for `audit.read`. Each page is
 * its own chunk (lazyPages.ts); no community section is reachable on a street install.
 */
export const STREET_SECTIONS: readonly Section[] = [
  {
    path: '/street/communities',
    label: '社区名单',
    shortcut: 'Alt+1',
    plan: '',
    page: StreetCommunitiesPage,
    permission: 'street.work',
    place: 'nav',
  },
  {
    path: '/street/import',
    label: '周报接收',
    shortcut: 'Alt+2',
    plan: '',
    page: StreetImportPage,
    permission: 'street.work',
    place: 'nav',
  },
  {
    path: '/street/summary',
    label: '汇总',
    shortcut: 'Alt+3',
    plan: '',
    page: StreetSummaryPage,
    permission: 'street.work',
    place: 'nav',
  },
  {
    path: '/street/whistle',
    label: '吹哨事项',
    shortcut: 'Alt+4',
    plan: '',
    page: StreetWhistlePage,
    permission: 'street.work',
    place: 'nav',
  },
  {
    path: '/street/settings',
    label: '设置',
    shortcut: 'Alt+5',
    plan: '',
    page: StreetSettingsPage,
    permission: 'street.work',
    place: 'nav',
  },
  {
    path: '/street/backup',
    label: '数据备份',
    shortcut: 'Alt+6',
    plan: '',
    page: StreetBackupPage,
    permission: 'street.work',
    place: 'nav',
  },
  AUDIT_SECTION,
];

/** The section an Alt+digit press opens (Alt+1 … Alt+9) in `sections`, if any. */
export function sectionOfShortcut(key: string, sections: readonly Section[] = SECTIONS): Section | undefined {
  return sections.find((s) => s.shortcut === `Alt+${key}`);
}
