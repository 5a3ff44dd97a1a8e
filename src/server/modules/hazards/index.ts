// What other parts of the server use of the hazards module: everything else in it is its own.
export { findHazardInScope } from './hazards.repository.ts';
export { hazardScopeSql } from './hazards.scope.ts';
export { type HazardVisitLink, createHazardInTx, getHazard } from './hazards.service.ts';
export { hazardFigures, hazardWorkbench } from './hazards.workbench.ts';
export { hazardCountDifferences, rebuildHazardCounts } from './hazard-counts.verify.ts';
