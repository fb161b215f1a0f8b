// Every export of the layer, for tests and tools. Functions import the entry
// of their feature instead ('@mobile-backend/domain/search', ...), so that a
// cold start evaluates only the code that function runs.
export * from './entries/http';
export * from './entries/data';
export * from './entries/accounts';
export * from './entries/search';
export * from './entries/messaging';
export * from './entries/media';
export * from './entries/realtime';
