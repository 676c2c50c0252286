import { useLayoutEffect, useState } from 'react';

/**
 * The one-time token from a link's fragment (`#token=…`). A fragment never reaches a
 * server or a Referer header; once read it is also taken out of the address bar and the
 * history, so the next person at this browser cannot find it there.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('token');
    return value && /^[A-Za-z0-9_-]{20,128}$/.test(value) ? value : null;
  });
  // After the commit, not while rendering: React may render a page and throw that render
  // away (the page arrives lazily, and a session update can interrupt the render that
  // shows it); the render it keeps must still find the token. Before paint, so the
  // address bar never shows it beside the page.
  useLayoutEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  return token;
}
