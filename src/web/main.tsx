import { StrictMode, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from './app/providers.tsx';
import { createRouter } from './app/router.tsx';
import './styles.css';

function Root() {
  const [router] = useState(createRouter);
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('#root is missing from index.html');
const app = (
  <StrictMode>
    <Root />
  </StrictMode>
);
// login.html (the server's answer to /login) carries the login form rendered at build time
// (prerender.tsx): take it over where it stands instead of drawing it again.
if (rootElement.firstElementChild) hydrateRoot(rootElement, app);
else createRoot(rootElement).render(app);
