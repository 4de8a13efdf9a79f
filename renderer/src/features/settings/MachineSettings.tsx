/**
 * This machine's settings, read and written only through the platform bridge (electron-store
 * in the shell, localStorage in a browser), plus what the app knows about its storage.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import type { AppInfo, AppSettings } from '@shared/ipc/contract';
import { platform } from '../../platform';
import { persistenceState, type PersistenceState } from '../../db/persistence';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted: '已获得持久存储：浏览器不会在空间紧张时清除本机数据。',
  'best-effort': '未获得持久存储：空间紧张时浏览器可能清除数据，请务必定期备份。',
  unsupported: '此环境不支持持久存储查询，请务必定期备份。',
};

export function MachineSettings() {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persist, setPersist] = useState<PersistenceState | null>(null);
  const [printer, setPrinter] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    void platform.getSettings().then((s) => {
      setSettings(s);
      setPrinter(s.printerName ?? '');
    });
    void platform.appInfo().then(setInfo);
    void persistenceState().then(setPersist);
  }, []);

  async function save(patch: Partial<AppSettings>) {
    const next = await platform.setSettings(patch);
    setSettings(next);
    setSaved('本机设置已保存');
  }

  if (!settings) return null;
  return (
    <Paper sx={{ p: 3 }}>
      <Stack
        spacing={2}
        component="form"
        onSubmit={(e) => (e.preventDefault(), void save({ printerName: printer.trim() || null }))}
      >
        <Typography variant="h6" component="h2">
          打印
        </Typography>
        <TextField
          label="回执打印机名称"
          value={printer}
          onChange={(e) => setPrinter(e.target.value)}
          helperText="留空则每次打印时选择打印机"
        />
        <FormControlLabel
          control={
            <Switch checked={settings.silentPrint} onChange={(e) => void save({ silentPrint: e.target.checked })} />
          }
          label="直接打印到上述打印机（不弹出对话框）"
        />
        <TextField
          select
          label="默认回执版式"
          value={settings.receiptLayout}
          onChange={(e) => void save({ receiptLayout: e.target.value as AppSettings['receiptLayout'] })}
          slotProps={{ select: { native: true } }}
        >
          <option value="a4">A4 纸</option>
          <option value="thermal80">80 毫米热敏小票</option>
        </TextField>
        <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
          保存打印机
        </Button>
        {saved && (
          <Alert severity="success" role="status">
            {saved}
          </Alert>
        )}
        <Typography variant="h6" component="h2">
          数据与版本
        </Typography>
        {persist && <Typography>{PERSISTENCE_TEXT[persist]}</Typography>}
        {info && (
          <Typography color="text.secondary">
            {info.name} {info.version}（{info.shell === 'electron' ? '桌面版' : '浏览器版'}，{info.runtime}）
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
