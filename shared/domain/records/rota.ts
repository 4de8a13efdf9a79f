/** 值班表 (placeholder shape until the rota issue; 交接班 is records/handover.ts). */
export type RotaEntry = { id: string; day: string; staffId: string; post: '值班岗' | '走访岗' };
