/** 问题库 and 联席会议: the agenda rules, decisions, problems and the meeting's own life. */
export * from './agenda';
export * from './decisions';
export * from './meeting';
export * from './problems';
export * from './guests';
export * from './poolKeys';
