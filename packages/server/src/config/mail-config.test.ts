import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig, mailDomainOf, mailFromOf } from './config';

describe('mail and SMS settings', () => {
  it('listens for inbound mail on 127.0.0.1:2525 with a 25 MiB limit by default', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      inboundMailEnabled: true,
      inboundMailPort: 2525,
      inboundMailHost: '127.0.0.1',
      inboundMailMaxBytes: 25 * 1024 * 1024,
    });
    expect(loadConfig({ INBOUND_MAIL_ENABLED: 'false' }).inboundMailEnabled).toBe(false);
    expect(() => loadConfig({ INBOUND_MAIL_PORT: '70000' })).toThrow(/INBOUND_MAIL_PORT/);
  });

  it('takes the mail domain from MAIL_DOMAIN, else the public URL, else caredesk.localhost', () => {
    expect(mailDomainOf(loadConfig({ MAIL_DOMAIN: 'Help.Riverside.Example' }))).toBe(
      'help.riverside.example',
    );
    expect(
      mailDomainOf(loadConfig({ CAREDESK_PUBLIC_URL: 'https://desk.riverside.example/' })),
    ).toBe('desk.riverside.example');
    expect(mailDomainOf(loadConfig({ CAREDESK_PUBLIC_URL: 'http://localhost:8080' }))).toBe(
      'caredesk.localhost',
    );
    expect(mailDomainOf(loadConfig({}))).toBe('caredesk.localhost');
    expect(mailFromOf(loadConfig({}))).toBe('CareDesk <no-reply@caredesk.localhost>');
    expect(() => loadConfig({ MAIL_DOMAIN: 'not a domain' })).toThrow(/MAIL_DOMAIN/);
  });

  it('never shows the SMTP password or the SMS provider token', () => {
    const c = loadConfig({
      SMTP_URL: 'smtp://mailer:hunter2@smtp.riverside.example:587',
      SMS_PROVIDER_URL: 'https://sms.example/v1/messages',
      SMS_PROVIDER_TOKEN: 'tok-s3cret',
    });
    const shown = JSON.stringify(describeConfig(c));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('tok-s3cret');
    expect(shown).toContain('smtp.riverside.example');
    expect(() => loadConfig({ SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
  });
});
