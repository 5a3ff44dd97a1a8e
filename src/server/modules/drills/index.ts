// What other parts of the server use of the drills module: everything else in it is its own.
export { drillWorkbench } from './drills.service.ts';
