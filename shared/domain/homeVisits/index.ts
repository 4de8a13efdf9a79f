/** 走访记录 (issue 26 item 2): the entry's rules and the log's figures. */
export * from './entry';
export * from './figures';
export * from './settings';
export * from './unvisited';
