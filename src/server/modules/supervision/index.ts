// What other parts of the server use of the supervision module: everything else in it is its own.
export { registerSupervisionRoutes } from './supervision.routes.ts';
export { supervisionWorkbench } from './supervision.workbench.ts';
