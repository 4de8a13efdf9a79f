/**
 * 设置向导: the first run on a new machine. Collects the community profile with this machine's
 * desk number and name (kept in the machine settings), grids, opening hours and the first administrator, then loads the default matter catalog from resources/
 * — all stored in one transaction (see repositories/community.completeSetup).
 */
import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { classifyCommunity, parseGridNames } from '@shared/domain/community';
import { parseCatalog } from '@shared/domain/catalog';
import { hashSecret } from '../../db/secrets';
import catalogJson from '../../../../resources/catalog/default-matters.json';
import { completeSetup } from '../../db/repositories/community';
import { checkedDeskIdentity } from '../../db/repositories/deskIdentity';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useDeskBase, useKeepDeskIdentity } from '../../app/desk';
import { useSession } from '../../app/session';
import { startAtDashboard } from '../../app/firstScreen';
import { CommunityStep } from './CommunityStep';
import { GridsHoursStep } from './GridsHoursStep';
import { AdminStep } from './AdminStep';
import { emptySetupForm, validateStep, type SetupErrors, type SetupForm } from './setupForm';

const STEPS = ['社区信息', '网格与开放时间', '管理员账号'];

export function SetupWizard() {
  const desk = useDeskBase();
  const keepIdentity = useKeepDeskIdentity();
  const { signedIn } = useSession();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<SetupForm>(emptySetupForm);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [catalogProblems, setCatalogProblems] = useState<string[] | null>(null);
  const guard = useGuardedAction();
  const busy = guard.busy;
  const failure = catalogProblems ?? (guard.error ? [guard.error] : null);
  const update = (patch: Partial<SetupForm>) => setForm((f) => ({ ...f, ...patch }));

  async function finish() {
    const catalog = parseCatalog(catalogJson);
    if (!catalog.ok) {
      setCatalogProblems(['默认事项目录文件有误，无法完成设置。请联系技术支持：', ...catalog.errors]);
      return;
    }
    setCatalogProblems(null);
    await guard.run(async () => {
      // This machine's desk first (machine settings): the desk that signs in already has it.
      await keepIdentity(checkedDeskIdentity({ no: form.deskNo, name: form.deskName }));
      const password = await hashSecret(form.adminSecret);
      const admin = await completeSetup(desk, {
        name: form.name,
        code: form.code.trim().toUpperCase(),
        population: Number(form.population),
        phone: form.phone,
        street: form.street,
        gridNames: parseGridNames(form.grids),
        openingHours: form.openingHours,
        admin: { name: form.adminName, password },
        catalog: catalog.catalog.matters,
      });
      startAtDashboard();
      signedIn(admin);
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = validateStep(step, form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (step < STEPS.length - 1) setStep(step + 1);
    else void finish();
  }

  const cls = Number(form.population) > 0 ? classifyCommunity(Number(form.population)) : null;
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', py: 4 }}>
      <Paper component="form" onSubmit={submit} noValidate sx={{ p: 4, width: 720 }} aria-label="设置向导">
        <Stack spacing={3}>
          <Typography variant="h4" component="h1">
            设置向导
          </Typography>
          <Typography color="text.secondary">
            首次使用，请填写本社区的基本信息。完成后将载入默认事项目录，可在“设置”中修改。
          </Typography>
          <Stepper activeStep={step}>
            {STEPS.map((label) => (
              <Step key={label}>
                <StepLabel>{label}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {step === 0 && <CommunityStep form={form} errors={errors} update={update} classInfo={cls} />}
          {step === 1 && <GridsHoursStep form={form} errors={errors} update={update} />}
          {step === 2 && <AdminStep form={form} errors={errors} update={update} />}
          {failure && (
            <Alert severity="error" role="alert">
              {failure.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
            {step > 0 && (
              <Button onClick={() => setStep(step - 1)} disabled={busy}>
                上一步
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={busy}>
              {step < STEPS.length - 1 ? '下一步' : busy ? '正在保存…' : '完成设置'}
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
