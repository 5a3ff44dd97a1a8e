// What other parts of the server use of the leadership module.
export { registerLeadershipRoutes } from './leadership.routes.ts';
export { leadershipWorkbench } from './leadership.due.ts';
