/**
 * What the app's open tabs tell each other. They share one session cookie, so activity
 * in one tab keeps the others from signing out for inactivity, and signing out in one
 * ends the session in all of them. Carries times and a word, never anything about a
 * patient (https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts).
 */
type TabMessage = { kind: 'contact'; at: number } | { kind: 'signed-out' };

const channel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('caredesk.tabs');

export function tellOtherTabs(message: TabMessage): void {
  channel?.postMessage(message);
}

export function onOtherTabs(listener: (message: TabMessage) => void): () => void {
  const handler = (e: MessageEvent<TabMessage>) => listener(e.data);
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}
