/** Review helpers shared by the workspace and the memos: progress, link order, provision context. */
export * from './progress';
export * from './links';
export * from './context';
export * from './verdicts';
export * from './anchor';
export * from './conflicts';
