import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { RequireAuth } from './require-auth.tsx';

/**
 * What every signed-in page stands in: antd's App (the message, modal and notification hooks of
 * App.useApp) around the route guard. Not among the providers: the login page uses none of them,
 * and their code would add to everyone's first download.
 */
export function SignedInFrame({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  return (
    <AntApp>
      <RequireAuth passwordChangePage={passwordChangePage}>{children}</RequireAuth>
    </AntApp>
  );
}
