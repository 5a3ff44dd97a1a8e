// What other parts of the server use of the reports module.
export { registerReportRoutes } from './reports.routes.ts';
export { reportWorkbench } from './reports.workbench.ts';
export { reportReminders } from './reports.reminders.ts';
export { evaluateCells, scopedCells, type EvalUnit, type MetricCell } from './metrics/evaluate.ts';
export { fillerUnits } from './reports.repository.ts';
export { type SnapshotCell, submissionKey } from './submission-scene.ts';
