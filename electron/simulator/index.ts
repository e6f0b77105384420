// The EMQX Cloud simulator: a core that answers Platform API requests from simulated state, an
// HTTP server around it, admin control routes and an in-process axios adapter.
export * from './cloud';
export * from './deployment-data';
export * from './admin-routes';
export * from './http-server';
export * from './axios-adapter';
export { RollingWindowLimiter } from './rolling-window';
export { seededRandom } from './prng';
