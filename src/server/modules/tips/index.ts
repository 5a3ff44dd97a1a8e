export { registerTipRoutes } from './tips.routes.ts';
export { tipWorkbench } from './tips.workbench.ts';
