// What other parts of the server use of the publicity module.
export { registerPublicityRoutes } from './publicity.routes.ts';
