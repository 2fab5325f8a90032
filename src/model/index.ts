export * from './conversation';
export * from './errors';
export * from './review';
export * from './reviewDocument';
export * from './hash';
