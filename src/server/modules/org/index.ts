// What other parts of the server use of the org module: everything else in it is its own.
export { findSector, listSectors, listUnits } from './org.repository.ts';
