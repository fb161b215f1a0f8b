// Every feature entry in one bundle, for tools that want the whole domain.
// Functions import their app ('@mobile-backend/domain/apps/<function>') and tests the
// entry of their feature ('@mobile-backend/domain/media', ...), so that each
// loads only the code it runs.
export * from './entries/http';
export * from './entries/data';
export * from './entries/accounts';
export * from './entries/search';
export * from './entries/messaging';
export * from './entries/media';
export * from './entries/realtime';
