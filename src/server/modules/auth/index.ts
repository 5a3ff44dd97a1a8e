// What other parts of the server use of the auth module: everything else in it is its own.
export { deleteSessionsOfUser } from './auth.repository.ts';
export { SESSION_COOKIE, loadActor, resolveSession } from './auth.service.ts';
export { assertPasswordPolicy, hashPassword } from './password.ts';
export { clearLocks, resetAccountFailures } from './login-sources.repository.ts';
export { clearSecondFactor, settingsOf as securitySettingsOf, saveSettings as saveSecuritySettings, deleteExpiredPendingLogins } from './security.repository.ts';
