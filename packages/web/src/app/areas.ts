import { lazy } from 'react';

/**
 * Each area is a chunk of its own (issue #4, point 9: the portal's initial JavaScript
 * ≤ 200 KB gzipped, the console's ≤ 350 KB): a patient never downloads the console,
 * staff never download the portal, and the password pages reached from e-mailed links
 * download neither. What both need (React, the router, react-intl, the session) stays
 * in the entry chunk.
 */
const loaders = {
  portal: () => import('../portal/portal-routes'),
  console: () => import('../console/console-routes'),
  forgotPassword: () => import('../account-links/forgot-password-page'),
  setPassword: () => import('../account-links/set-password-page'),
};

export const PortalRoutes = lazy(() => loaders.portal().then((m) => ({ default: m.PortalRoutes })));
export const ConsoleRoutes = lazy(() =>
  loaders.console().then((m) => ({ default: m.ConsoleRoutes })),
);
export const ForgotPasswordPage = lazy(() =>
  loaders.forgotPassword().then((m) => ({ default: m.ForgotPasswordPage })),
);
export const SetPasswordPage = lazy(() =>
  loaders.setPassword().then((m) => ({ default: m.SetPasswordPage })),
);

/** The chunk an address needs; anything else is sent to the portal (app.tsx). */
export function areaOf(pathname: string): keyof typeof loaders {
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'console';
  if (pathname === '/forgot-password') return 'forgotPassword';
  if (pathname === '/reset-password' || pathname === '/accept-invitation') return 'setPassword';
  return 'portal';
}

/**
 * Starts fetching the area the address names while the app starts, beside the language
 * catalog: left to React.lazy it would wait until the catalog is in and the routes
 * render, one round trip after the other. The module is fetched once either way; a
 * failure here is reported where React.lazy asks for it again.
 */
export function preloadArea(pathname: string): void {
  loaders[areaOf(pathname)]().catch(() => undefined);
}
