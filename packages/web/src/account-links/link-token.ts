import { useState } from 'react';

/**
 * The one-time token from a link's fragment (`#token=…`). A fragment never reaches a
 * server or a Referer header; once read it is also taken out of the address bar and the
 * history, so the next person at this browser cannot find it there.
 */
export function useLinkToken(): string | null {
  const [token] = useState(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
    return value && /^[A-Za-z0-9_-]{20,128}$/.test(value) ? value : null;
  });
  return token;
}
