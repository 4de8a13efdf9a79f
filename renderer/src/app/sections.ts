/**
 * The nine sections of the brief, in the order the desk uses them. `plan` says, on a
 * section not built yet, what will be there (no fake data).
 */
export type Section = { path: string; label: string; shortcut?: string; plan: string };

export const SECTIONS: readonly Section[] = [
  { path: '/dashboard', label: '工作台', shortcut: 'Alt+1', plan: '' },
  {
    path: '/intake',
    label: '来访登记',
    shortcut: 'Alt+2',
    plan: '登记来站、来电、走访和网上来访：查找或登记居民，记录诉求，选择事项、核对材料，即办或受理并打印回执。',
  },
  {
    path: '/cases',
    label: '办件',
    shortcut: 'Alt+3',
    plan: '办件全流程：我的办件、待签收、今日到期、即将超期、已超期；转办签收、上报街道、办结回访、评价和归档。',
  },
  {
    path: '/proxy',
    label: '帮代办',
    shortcut: 'Alt+4',
    plan: '为行动不便的居民上门代办：委托授权、上门收件、材料交接登记、办理结果送达。',
  },
  {
    path: '/meetings',
    label: '联席会议',
    shortcut: 'Alt+5',
    plan: '每周联席会议：从本周未解决的问题生成议程，记录每项决定（社区办理、上报街道、持续关注）和会议纪要，未决事项自动结转。',
  },
  {
    path: '/reports',
    label: '统计报表',
    shortcut: 'Alt+6',
    plan: '周报与统计：按事项、渠道、网格汇总本周工作，导出报送街道的周报（只含街道需要的信息）。',
  },
  {
    path: '/residents',
    label: '居民',
    shortcut: 'Alt+7',
    plan: '居民信息：按姓名、拼音首字母、电话或身份证后几位查找，登记和修改居民信息，查看其来访和办件记录。',
  },
  {
    path: '/rota',
    label: '值班',
    shortcut: 'Alt+8',
    plan: '值班表与交接班：安排每天的值班岗和走访岗，下班前填写交接班记录，上班时查看昨日交接。',
  },
  { path: '/settings', label: '设置', shortcut: 'Alt+9', plan: '' },
];
