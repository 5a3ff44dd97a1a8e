// Renders the login page to HTML at build time (vite.prerender.ts): the server sends it inside
// login.html for /login, so the form shows before any script has loaded, and main.tsx hydrates
// it. Only what the page's first render shows: no session, no notice, no errors.
import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { LoginPage } from './features/auth/login-page.tsx';
import { createQueryClient } from './app/query-client.ts';
import { paths } from './app/paths.ts';

export function renderLoginPage(): string {
  return renderToString(
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[paths.login()]}>
        <LoginPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
