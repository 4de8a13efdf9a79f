/**
 * 人员标签: the built-in tags (独居老人, 残疾人, …) plus the ones this center adds.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Chip, Paper, Stack, TextField, Typography } from '@mui/material';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { updateCommunity } from '../../db/repositories/community';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';

export function ResidentTagsEditor({ canEdit }: { canEdit: boolean }) {
  const desk = useDesk();
  const { community } = desk;
  const [tag, setTag] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { run, error } = useGuardedAction();
  const extra = community.residentTags ?? [];
  const save = (tags: string[]) => run(() => updateCommunity(desk, { residentTags: tags }));

  async function add(e: FormEvent) {
    e.preventDefault();
    const t = tag.trim();
    if (!t || t.length > 10) return setFieldError('标签为 1–10 个字');
    if ([...DEFAULT_RESIDENT_TAGS, ...extra].includes(t)) return setFieldError('已有此标签');
    setFieldError(null);
    if (await save([...extra, t])) setTag('');
  }

  return (
    <Paper sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h2">
          人员标签
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
          {DEFAULT_RESIDENT_TAGS.map((t) => (
            <Chip key={t} label={t} />
          ))}
          {extra.map((t) => (
            <Chip
              key={t}
              label={t}
              color="primary"
              variant="outlined"
              onDelete={canEdit ? () => void save(extra.filter((x) => x !== t)) : undefined}
            />
          ))}
        </Stack>
        {canEdit && (
          <Stack direction="row" spacing={2} component="form" onSubmit={add} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label="新增人员标签"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              error={Boolean(fieldError)}
              helperText={fieldError ?? '如：退役军人、留守儿童'}
              sx={{ maxWidth: 320 }}
            />
            <Button type="submit" variant="contained">
              添加标签
            </Button>
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
