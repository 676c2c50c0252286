/**
 * HTML of an e-mail, as the server's allow-list sanitiser left it (text formatting only:
 * no script, style, handler, link, image or form survive; channels/email/inbound/
 * sanitize-mail-html.ts). The page's Content-Security-Policy (default-src 'self') would
 * block inline script and remote images even if something slipped through. This is the
 * one place the console renders mail HTML.
 */
export function SanitisedMailBody({ html, label }: { html: string; label: string }) {
  return (
    <div
      className="mail-body formatted"
      role="document"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
