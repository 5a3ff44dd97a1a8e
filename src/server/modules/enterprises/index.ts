// What other parts of the server use of the enterprises module: everything else in it is its own.
export { findEnterpriseInScope, findLiveInScopeByKey, findLiveInScopeByKeys, nearestLiveNames, scopeSql } from './enterprises.repository.ts';
