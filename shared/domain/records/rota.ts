/** 值班表 and 交接班 (placeholder shapes until the rota issue). */
import type { Stamp } from './staff';

export type RotaEntry = { id: string; day: string; staffId: string; post: '值班岗' | '走访岗' };

export type HandoverNote = Stamp & { id: string; day: string; text: string };
