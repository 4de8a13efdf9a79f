/** 错时服务记录 (issue 26 item 4): standard hours, the per-person table, the added line's rule. */
export * from './standardHours';
export * from './monthTable';
export * from './line';
export * from './sheet';
