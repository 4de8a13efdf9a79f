/**
 * Preview, print and save-as-PDF for the receipts of one case, through the platform bridge.
 * The layout (A4 / 80 mm) defaults to this machine's setting and can be switched per print.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ReceiptData, ReceiptKind, ReceiptLayout } from '@shared/receipts/types';
import { receiptFileName } from '@shared/receipts/format';
import { receiptDocument } from './receiptDocument';
import { platform } from '../platform';
import { useShortcut } from '../app/useShortcut';
import { pageSizeFor } from './receiptPage';

type Props = {
  kinds: ReceiptKind[];
  load: () => Promise<ReceiptData>;
  /** Shown in button names so several cases on one screen stay distinguishable. */
  label?: string;
  /** Bind Ctrl+P to printing the first receipt (only one ReceiptActions on screen should). */
  printShortcut?: boolean;
};

export function ReceiptActions({ kinds, load, label = '', printShortcut = false }: Props) {
  const [layout, setLayout] = useState<ReceiptLayout>('a4');
  const [preview, setPreview] = useState<{ kind: ReceiptKind; html: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void platform.getSettings().then((s) => setLayout(s.receiptLayout));
  }, []);

  async function html(kind: ReceiptKind) {
    return receiptDocument(kind, await load(), layout);
  }

  /** Runs a print/save; a failure of the bridge or printer is told, never swallowed. */
  async function guarded(what: string, fn: () => Promise<void>) {
    try {
      await fn();
    } catch {
      setMessage({ ok: false, text: `${what}失败，请检查打印机或磁盘后重试` });
    }
  }

  const print = (kind: ReceiptKind) =>
    guarded('打印', async () => {
      const settings = await platform.getSettings();
      const doc = await html(kind);
      const r = await platform.printHtml({
        html: doc,
        pageSize: await pageSizeFor(layout, doc),
        silent: settings.silentPrint,
      });
      if (r.printed) setMessage({ ok: true, text: `${kind}已送打印` });
      else if (r.reason === 'failed') setMessage({ ok: false, text: `打印失败：${r.message ?? '请检查打印机'}` });
    });

  useShortcut('Ctrl+P', () => kinds[0] && void print(kinds[0]), printShortcut && kinds.length > 0);

  const savePdf = (kind: ReceiptKind) =>
    guarded('保存 PDF', async () => {
      const data = await load();
      const doc = await receiptDocument(kind, data, layout);
      const r = await platform.printToPdf({
        html: doc,
        pageSize: await pageSizeFor(layout, doc),
        suggestedName: receiptFileName(kind, data.trackingNumber),
      });
      if (r.saved) setMessage({ ok: true, text: `已保存 ${r.fileName}` });
      else if (r.reason === 'handed-to-print-dialog')
        setMessage({ ok: true, text: '已打开打印对话框，请在“目标打印机”中选择“另存为 PDF”' });
    });

  return (
    <Stack spacing={1}>
      {/* One layout for this case's receipts, said once; then one row per receipt. */}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography component="span">{kinds.length > 1 ? '回执版式（以下回执均按此打印）' : '回执版式'}</Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={layout}
          onChange={(_, v: ReceiptLayout | null) => v && setLayout(v)}
          aria-label={`${label}回执版式`}
        >
          <ToggleButton value="a4">A4</ToggleButton>
          <ToggleButton value="thermal80">80mm 小票</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Stack spacing={1}>
        {kinds.map((kind) => (
          <Stack
            key={kind}
            direction="row"
            spacing={1}
            sx={{ alignItems: 'center' }}
            role="group"
            aria-label={`${label}${kind}`}
          >
            <Button variant="contained" onClick={() => void print(kind)} aria-label={`打印${label}${kind}`}>
              打印{kind}
              {printShortcut && kind === kinds[0] ? '（Ctrl+P）' : ''}
            </Button>
            <Button
              onClick={() => void guarded('预览', async () => setPreview({ kind, html: await html(kind) }))}
              aria-label={`预览${label}${kind}`}
            >
              预览{kind}
            </Button>
            <Button onClick={() => void savePdf(kind)} aria-label={`${label}${kind}存为PDF`}>
              存为 PDF
            </Button>
          </Stack>
        ))}
      </Stack>
      {message && (
        <Alert severity={message.ok ? 'success' : 'error'} role="status" onClose={() => setMessage(null)}>
          {message.text}
        </Alert>
      )}
      {preview && (
        <Dialog open onClose={() => setPreview(null)} maxWidth="lg">
          <DialogTitle>{preview.kind}预览</DialogTitle>
          <DialogContent>
            <iframe
              title={`${preview.kind}预览`}
              srcDoc={preview.html}
              sandbox=""
              style={{
                width: layout === 'a4' ? 820 : 330,
                height: '70vh',
                border: '1px solid #ccc',
                background: '#fff',
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setPreview(null)}>关闭</Button>
            <Button
              variant="contained"
              onClick={() => {
                // Printed from the preview: back to the page, whose shortcuts work again.
                const kind = preview.kind;
                setPreview(null);
                void print(kind);
              }}
            >
              打印{preview.kind}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </Stack>
  );
}
