// Every URL of the web app, in one place. Route patterns for the router and
// builders for links live side by side so they cannot drift apart.
export const paths = {
  home: '/',
  login: (redirect?: string) =>
    redirect && redirect !== '/' ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login',
  changePassword: '/change-password',
  enterprises: {
    list: '/enterprises',
    create: '/enterprises/new',
    import: '/enterprises/import',
    detail: (id: string) => `/enterprises/${encodeURIComponent(id)}`,
    edit: (id: string) => `/enterprises/${encodeURIComponent(id)}/edit`,
  },
  admin: {
    units: '/admin/units',
    sectors: '/admin/sectors',
    users: '/admin/users',
  },
  audit: '/audit',
} as const;

export const routePatterns = {
  login: '/login',
  changePassword: '/change-password',
  enterpriseList: '/enterprises',
  enterpriseCreate: '/enterprises/new',
  enterpriseImport: '/enterprises/import',
  enterpriseDetail: '/enterprises/:id',
  enterpriseEdit: '/enterprises/:id/edit',
  adminUnits: '/admin/units',
  adminSectors: '/admin/sectors',
  adminUsers: '/admin/users',
  audit: '/audit',
} as const;
