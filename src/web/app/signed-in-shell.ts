// The frame of every signed-in page (antd's providers, the route guard and the layout) and the
// home page, loaded apart from the login page's bundle. One loader each, shared by the router and
// by the login page, which starts them once the user starts typing: the first page after signing
// in then shows without waiting for its code.
export const loadShell = () => Promise.all([import('./signed-in-frame.tsx'), import('./layout/app-layout.tsx')]);
export const loadHomePage = async () => (await import('../features/home/home-page.tsx')).HomePage;

/** Starts downloading the signed-in shell and the home page (errors surface when a route loads them). */
export function preloadSignedIn(): void {
  loadShell().catch(() => {});
  loadHomePage().catch(() => {});
}
