import type { Role } from '../../domain/access/roles.ts';
import type { ScopeActor } from '../../domain/access/scope.ts';

/** The signed-in user as every service sees it: identity, unit and the inputs of the data scope. */
export interface Actor extends ScopeActor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitName: string;
  /** After an admin reset, or when the password expired (passwordExpired says which). */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  /** The district requires a second factor of this account, which has none yet. */
  mustEnrollTotp: boolean;
  totpEnabled: boolean;
  /** 行政执法证号, when the user holds one. */
  enforcementCertificateNo?: string | null;
  sessionId: string;
  csrfToken: string;
}
