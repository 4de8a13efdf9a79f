export * from './types';
export * from './read';
export * from './plan';
