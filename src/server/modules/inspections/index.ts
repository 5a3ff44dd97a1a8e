// What other parts of the server use of the inspections module: everything else in it is its own.
export { inspectionWorkbench } from './inspections.workbench.ts';
