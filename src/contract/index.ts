import { authRoutes } from './auth.ts';
import { orgRoutes } from './org.ts';
import { enterpriseRoutes } from './enterprises.ts';
import { auditRoutes } from './audit.ts';

export const allRoutes = { ...authRoutes, ...orgRoutes, ...enterpriseRoutes, ...auditRoutes };
