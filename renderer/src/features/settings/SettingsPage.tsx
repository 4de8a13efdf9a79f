/**
 * 设置: community profile, staff accounts, the matter catalog, the joint meeting's guests (admins
 * edit, duty staff read), and this machine's settings (printer, receipt layout) kept through the
 * platform bridge; 多窗口同步 (everyone sees the status, an admin joins and leaves) and, for admins,
 * 同步冲突 and 数据冲突 (features/sync).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Paper, Stack, Tab, Tabs, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { useStaff } from '../../app/session';
import { CalendarEditor } from './CalendarEditor';
import { CatalogEditor } from './CatalogEditor';
import { CommunityInfo } from './CommunityInfo';
import { MachineSettings } from './MachineSettings';
import { DeskIdentitySettings } from './DeskIdentitySettings';
import { StaffManager } from './StaffManager';
import { ResidentTagsEditor } from './ResidentTagsEditor';
import { MeetingGuestsEditor } from './MeetingGuestsEditor';
import { BackupSection } from '../backup/BackupSection';
import { SyncSettings } from '../sync/SyncSettings';
import { SyncConflicts } from '../sync/SyncConflicts';

const TABS = [
  '事项目录',
  '工作人员',
  '节假日安排',
  '社区信息',
  '联席会议',
  '数据备份',
  '本机设置',
  '多窗口同步',
  '同步冲突',
  '数据冲突',
] as const;
/** The tabs only an admin (sync.manage) sees. */
const ADMIN_TABS: readonly string[] = ['同步冲突', '数据冲突'];

export function SettingsPage() {
  const staff = useStaff();
  // The tab can come in the address (?tab=数据备份), e.g. from the 工作台's backup reminder.
  const [params] = useSearchParams();
  const shown = TABS.filter((t) => can(staff, 'sync.manage') || !ADMIN_TABS.includes(t));
  const asked = shown.find((t) => t === params.get('tab'));
  const [tab, setTab] = useState<(typeof TABS)[number]>(asked ?? '事项目录');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        设置
      </Typography>
      <Paper>
        <Tabs
          value={tab}
          onChange={(_, v: (typeof TABS)[number]) => setTab(v)}
          aria-label="设置分类"
          variant="scrollable"
          scrollButtons="auto"
        >
          {shown.map((t) => (
            <Tab key={t} value={t} label={t} />
          ))}
        </Tabs>
      </Paper>
      {tab === '事项目录' && <CatalogEditor canEdit={can(staff, 'catalog.edit')} />}
      {tab === '工作人员' && <StaffManager canEdit={can(staff, 'staff.manage')} />}
      {tab === '节假日安排' && <CalendarEditor canEdit={can(staff, 'calendar.edit')} />}
      {tab === '社区信息' && (
        <Stack spacing={2}>
          <CommunityInfo canEdit={can(staff, 'community.edit')} />
          <ResidentTagsEditor canEdit={can(staff, 'community.edit')} />
        </Stack>
      )}
      {tab === '联席会议' && <MeetingGuestsEditor canEdit={can(staff, 'community.edit')} />}
      {tab === '数据备份' && <BackupSection />}
      {tab === '本机设置' && (
        <Stack spacing={2}>
          <DeskIdentitySettings canEdit={can(staff, 'community.edit')} />
          <MachineSettings />
        </Stack>
      )}
      {tab === '多窗口同步' && <SyncSettings />}
      {tab === '同步冲突' && <SyncConflicts kind="case" />}
      {tab === '数据冲突' && <SyncConflicts kind="record" />}
    </Stack>
  );
}
