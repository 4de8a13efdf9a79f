/**
 * 周报接收 of a street office (issue 27): import one or many package files (a file input with
 * `multiple`; in Electron also a whole folder through the bridge), each checked and stored on its
 * own (db/repositories/street/packages.ts) with a line saying what became of it — a refusal names
 * the file; a community not in the 社区名单 is asked about (添加并导入), never added silently. Then
 * the table of communities × the last 8 weeks (已报送 time, 未报送, 有更正, 逾期) and, for the
 * community picked, its history: every file with who imported it when, 较旧未采用 marked.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useLiveQuery } from '../../../app/liveQuerier';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { can } from '@shared/domain/roles';
import { useDesk } from '../../../app/desk';
import { useStaff } from '../../../app/session';
import { useGuardedAction } from '../../../app/useGuardedAction';
import { platform } from '../../../platform';
import {
  importPackageFile,
  weekTable,
  type ImportOutcome,
  type PackageFile,
} from '../../../db/repositories/street/packages';
import { outcomeSeverity, outcomeText } from './importOutcome';
import { WeekTableView } from './WeekTableView';
import { CommunityHistory } from './CommunityHistory';

type Line = { outcome: ImportOutcome; file: PackageFile };

export function StreetImportPage() {
  const desk = useDesk();
  const staff = useStaff();
  const input = useRef<HTMLInputElement>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [picked, setPicked] = useState<string | null>(null);
  const { run, error, busy } = useGuardedAction();
  const table = useLiveQuery(() => weekTable(desk), [desk]);
  const [electron, setElectron] = useState(false);
  useEffect(() => {
    void platform.appInfo().then((i) => setElectron(i.shell === 'electron'));
  }, []);
  const mayAdd = can(staff, 'street.manage');

  /** Each file on its own (one transaction each), in the order picked. */
  const importAll = (files: PackageFile[], skipped: Line[] = []) =>
    run(async () => {
      const done: Line[] = [...skipped];
      for (const file of files) done.push({ file, outcome: await importPackageFile(desk, file) });
      setLines(done);
    });

  async function onFiles(e: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(e.target.files ?? [])];
    e.target.value = '';
    const files = await Promise.all(chosen.map(async (f) => ({ fileName: f.name, text: await f.text() })));
    await importAll(files);
  }

  async function onFolder() {
    const folder = await platform.openPackageFolder();
    if (!folder.chosen) return;
    const skipped = folder.skipped.map((s) => ({
      file: { fileName: s.name, text: '' },
      outcome: { outcome: 'refused', fileName: s.name, reason: `${s.name}：${s.reason}` } as const,
    }));
    await importAll(
      folder.files.map((f) => ({ fileName: f.name, text: f.text })),
      skipped,
    );
  }

  /** The clerk said yes: add the community from its package, and import it. */
  const addAndImport = (line: Line) =>
    run(async () => {
      const outcome = await importPackageFile(desk, line.file, { addCommunity: true });
      setLines((all) => all.map((l) => (l === line ? { ...l, outcome } : l)));
    });

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        周报接收
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack spacing={2}>
          <Typography>
            导入各社区报送的周报文件（.json，可一次选择多个）。每个文件都会核对格式、校验码和所属街道；同一社区同一周期再次报送的，以生成时间较新的为准，较早的保留在报送记录中。
          </Typography>
          <Stack direction="row" spacing={2}>
            <Button variant="contained" onClick={() => input.current?.click()} disabled={busy}>
              选择周报文件
            </Button>
            {electron && (
              <Button variant="outlined" onClick={() => void onFolder()} disabled={busy}>
                导入文件夹
              </Button>
            )}
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              multiple
              hidden
              aria-label="周报文件"
              onChange={(e) => void onFiles(e)}
            />
          </Stack>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {lines.length > 0 && (
            <Stack spacing={1} role="status" aria-label="导入结果">
              {lines.map((line, i) => (
                <Alert
                  key={`${line.file.fileName}-${i}`}
                  severity={outcomeSeverity(line.outcome)}
                  action={
                    line.outcome.outcome === 'unknownCommunity' && mayAdd ? (
                      <Button color="inherit" onClick={() => void addAndImport(line)}>
                        添加到社区名单并导入
                      </Button>
                    ) : undefined
                  }
                >
                  {outcomeText(line.outcome)}
                  {line.outcome.outcome === 'unknownCommunity' && !mayAdd && '，请街道管理员先在社区名单中添加。'}
                </Alert>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      {table && <WeekTableView table={table} onPick={setPicked} />}
      {picked && <CommunityHistory code={picked} onClose={() => setPicked(null)} />}
    </Stack>
  );
}
