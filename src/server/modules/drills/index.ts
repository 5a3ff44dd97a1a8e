// What other parts of the server use of the drills module: everything else in it is its own.
export { drillWorkbench } from './drills.service.ts';
/** The windows' SQL, for the report metrics that count who is behind (reports/metrics). */
export { heldBetween, registeredOn, timesSql, windowsSql } from './drills.windows.ts';
