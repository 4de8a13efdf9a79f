/** The center's rota settings (on the community profile), their defaults and their check. */
import type { CommunityProfile, RotaSettings } from '../records';

export const DEFAULT_ROTA_SETTINGS: RotaSettings = { minOnDuty: 2, swapsNeedApproval: true };

export const MIN_ON_DUTY_RANGE = { min: 1, max: 9 } as const;

/** The settings of this center, defaults where it has none. */
export function rotaSettings(community: Pick<CommunityProfile, 'rota'> | undefined): RotaSettings {
  return { ...DEFAULT_ROTA_SETTINGS, ...community?.rota };
}

/** A Chinese message at its field, or null. */
export function validateRotaSettings(s: RotaSettings): { field: keyof RotaSettings; reason: string } | null {
  const n = s.minOnDuty;
  if (!Number.isInteger(n) || n < MIN_ON_DUTY_RANGE.min || n > MIN_ON_DUTY_RANGE.max)
    return {
      field: 'minOnDuty',
      reason: `值班岗最少人数应为 ${MIN_ON_DUTY_RANGE.min}–${MIN_ON_DUTY_RANGE.max} 的整数`,
    };
  if (typeof s.swapsNeedApproval !== 'boolean')
    return { field: 'swapsNeedApproval', reason: '请选择换班是否需要站长批准' };
  return null;
}
