import type { Clock } from '@caredesk/core';
import { SHARED_WITH_YOU } from '../caregivers/shared-with-you-email';
import { sharedWithYouMailer } from '../caregivers/shared-with-you-mailer';
import { mailDomainOf, mailFromOf, type Config } from '../config/config';
import { LINK_EMAIL_KINDS, linkMailer } from '../identity/link-mailer';
import type { SealedLinkPayload } from '../identity/outbox-links';
import type { JobHandler } from '../jobs';
import type { PatientService } from '../patients/patient-service';
import type { Database } from '../storage/database';
import { PROCESS_INBOUND_MAIL } from './email/inbound/accept-mail';
import type { CaseMailbox } from './email/inbound/case-mailbox';
import { MailQuarantine } from './email/inbound/mail-quarantine';
import { processInboundMailJob } from './email/inbound/process-inbound-mail';
import { InboundMailListener } from './email/inbound/smtp-listener';
import { mailSenderFor } from './email/outbound/mail-sender';
import { SEND_EMAIL, sendEmailJob } from './email/outbound/send-email-job';
import { SEND_SMS, sendSmsJob } from './sms/send-sms-job';
import { smsProviderFor } from './sms/sms-provider-for';

export interface ChannelDeps {
  config: Config;
  database: Database;
  clock: Clock;
  organizationId: string;
  /** Public base URL, for links in messages. */
  baseUrl: string;
  patients: PatientService;
  /** Where inbound mail goes: the case service's CaseMailbox. */
  caseMailbox: CaseMailbox;
  /** Opens a one-time link sealed into a reset or invitation job (identity/outbox-links). */
  openLink: (kind: string, payload: SealedLinkPayload) => string;
  /** The job runner's handler table; the channels add theirs. */
  handlers: Record<string, JobHandler>;
  onError: (error: unknown, context: string) => void;
}

export interface Channels {
  /** `caredesk serve` calls listen() when INBOUND_MAIL_ENABLED. */
  inboundMail: InboundMailListener;
  quarantine: MailQuarantine;
  mailDomain: string;
  /** Stops taking mail (waits for messages being stored) and closes outbound connections. */
  close(): Promise<void>;
}

/**
 * E-mail and SMS (issue #5 point 4), chosen from the settings: the inbound SMTP listener and
 * its processing job, the quarantine, outbound e-mail (SMTP_URL, or .eml files under
 * dataDir/outbox-mail) and SMS (SMS_PROVIDER_URL, or files under dataDir/outbox-sms). Job
 * kinds: mail.inbound.process, email.send, email.caregiver-shared, email.password-reset,
 * email.invitation, sms.send.
 */
export function createChannels(deps: ChannelDeps): Channels {
  const { config, database, clock, handlers } = deps;
  const mailDomain = mailDomainOf(config);
  const mailFrom = mailFromOf(config);
  handlers[PROCESS_INBOUND_MAIL] = processInboundMailJob({
    database,
    clock,
    mailbox: deps.caseMailbox,
    mailDomain,
  });
  const sender = mailSenderFor(config);
  handlers[SEND_EMAIL] = sendEmailJob({ sender, mailFrom, mailDomain, clock });
  handlers[SHARED_WITH_YOU] = sharedWithYouMailer({
    database,
    patients: deps.patients,
    sender,
    mailFrom,
    mailDomain,
    portalUrl: `${deps.baseUrl}/portal`,
    clock,
  });
  for (const kind of LINK_EMAIL_KINDS)
    handlers[kind] = linkMailer(kind, {
      database,
      open: deps.openLink,
      sender,
      mailFrom,
      mailDomain,
      clock,
    });
  handlers[SEND_SMS] = sendSmsJob(smsProviderFor(config, () => clock.now()));
  const inboundMail = new InboundMailListener({
    database,
    clock,
    organizationId: deps.organizationId,
    host: config.inboundMailHost,
    port: config.inboundMailPort,
    maxBytes: config.inboundMailMaxBytes,
    serverName: mailDomain,
    onError: deps.onError,
  });
  return {
    inboundMail,
    quarantine: new MailQuarantine({ database, clock, mailbox: deps.caseMailbox }),
    mailDomain,
    close: async () => {
      await inboundMail.close();
      sender.close();
    },
  };
}
