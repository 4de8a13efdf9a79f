/**
 * A catalog entry as stored: the shipped definition plus whether the center still offers it
 * and who last changed it.
 */
import type { MatterTypeDef } from '@shared/domain/catalog';
import type { Stamp } from '@shared/domain/records';

export type MatterType = MatterTypeDef & Stamp & { active: boolean };
