/**
 * 设置向导: the first run on a new machine. First: 社区 or 街道 (issue 27). A community: the
 * profile with this machine's desk number and name (kept in the machine settings), grids, opening
 * hours and the first administrator, then the default matter catalog from resources/ — all stored
 * in one transaction (repositories/community.completeSetup). A street office: its name and code
 * and its first 街道管理员 (repositories/street/install.completeStreetSetup).
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
import { emptySetupForm, SETUP_STEPS, validateStep, type SetupErrors, type SetupForm } from './setupForm';
import { completeStreetSetup } from '../../db/repositories/street/install';
import { KindChoice } from './KindChoice';
import { StreetStep } from './StreetStep';

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
  const STEPS: readonly string[] = SETUP_STEPS[form.kind];
  const current = SETUP_STEPS[form.kind][step]!;

  async function finishStreet() {
    await guard.run(async () => {
      const password = await hashSecret(form.adminSecret);
      const admin = await completeStreetSetup(desk, {
        name: form.streetName,
        code: form.streetCode,
        admin: { name: form.adminName, password },
      });
      signedIn(admin);
    });
  }

  async function finish() {
    if (form.kind === '街道') return finishStreet();
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
    const found = validateStep(current, form);
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
            {form.kind === '街道'
              ? '首次使用，请填写本街道的名称和第一个街道管理员账号。'
              : '首次使用，请填写本社区的基本信息。完成后将载入默认事项目录，可在“设置”中修改。'}
          </Typography>
          {step === 0 && <KindChoice form={form} update={update} />}
          <Stepper activeStep={step}>
            {STEPS.map((label) => (
              <Step key={label}>
                <StepLabel>{label}</StepLabel>
              </Step>
            ))}
          </Stepper>
          {current === '街道信息' && <StreetStep form={form} errors={errors} update={update} />}
          {current === '社区信息' && <CommunityStep form={form} errors={errors} update={update} classInfo={cls} />}
          {current === '网格与开放时间' && <GridsHoursStep form={form} errors={errors} update={update} />}
          {current === '管理员账号' && <AdminStep form={form} errors={errors} update={update} />}
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
