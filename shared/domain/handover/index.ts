/** 交接班 (issue 26 item 3): the pure rules — when a sign-out asks, what a note holds, who must read it. */
export * from './shift';
export * from './facts';
export * from './note';
export * from './pending';
