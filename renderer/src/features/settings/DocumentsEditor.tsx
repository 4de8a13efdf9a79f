/**
 * The required-documents list of a matter (办理要件): one row per document.
 */
import { Button, Checkbox, FormControlLabel, IconButton, Stack, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { DOCUMENT_FORMS, type MatterDocument } from '@shared/domain/catalog';

type Props = { documents: MatterDocument[]; onChange: (docs: MatterDocument[]) => void };

/** Fields that keep their width in the row (a long value never shows as one character). */
const FIXED = (width: string) => ({ width, flexShrink: 0 });

const NEW_DOC: MatterDocument = { name: '', form: '原件', count: 1, source: '本人持有', required: true };

export function DocumentsEditor({ documents, onChange }: Props) {
  const setAt = (i: number, patch: Partial<MatterDocument>) =>
    onChange(documents.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle1">
        所需材料
      </Typography>
      {documents.map((d, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField
            label={`材料 ${i + 1} 名称`}
            value={d.name}
            onChange={(e) => setAt(i, { name: e.target.value })}
            sx={{ flex: 2, minWidth: '12em' }}
          />
          <TextField
            select
            label="形式"
            value={d.form}
            onChange={(e) => setAt(i, { form: e.target.value as MatterDocument['form'] })}
            slotProps={{ select: { native: true } }}
            sx={FIXED('9.5em')}
          >
            {DOCUMENT_FORMS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </TextField>
          <TextField
            label="份数"
            type="number"
            value={d.count}
            onChange={(e) => setAt(i, { count: Number(e.target.value) })}
            sx={FIXED('5.5em')}
          />
          <TextField
            label="来源"
            value={d.source}
            onChange={(e) => setAt(i, { source: e.target.value })}
            sx={{ flex: 1, minWidth: '8em' }}
          />
          <FormControlLabel
            sx={{ flexShrink: 0, whiteSpace: 'nowrap', mr: 0 }}
            control={<Checkbox checked={d.required} onChange={(e) => setAt(i, { required: e.target.checked })} />}
            label="必需"
          />
          <IconButton aria-label={`删除材料 ${i + 1}`} onClick={() => onChange(documents.filter((_, j) => j !== i))}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Button onClick={() => onChange([...documents, NEW_DOC])} sx={{ alignSelf: 'flex-start' }}>
        添加材料
      </Button>
    </Stack>
  );
}
