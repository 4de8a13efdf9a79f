/** 值班表 rules (issue 26 item 1): pure, clock-free; the repository and the screens call these. */
export * from './settings';
export * from './openDays';
export * from './week';
export * from './check';
export * from './swap';
export * from './copyWeek';
