// What other parts of the server use of the security module: everything else in it is its own.
export { registerSecurityRoutes } from './security.routes.ts';
export { recordRefusal } from './security.service.ts';
