import type { Clock } from '@caredesk/core';
import { createHl7Feed, type Hl7Feed } from '../care-transitions/hl7-feed';
import type { Hl7Handlers } from '../care-transitions/hl7-inbox';
import { SHARED_WITH_YOU } from '../caregivers/shared-with-you-email';
import { sharedWithYouMailer } from '../caregivers/shared-with-you-mailer';
import { mailDomainOf, mailFromOf, type Config } from '../config/config';
import { LINK_EMAIL_KINDS, linkMailer } from '../identity/link-mailer';
import type { SealedLinkPayload } from '../identity/outbox-links';
import type { JobHandler } from '../jobs';
import type { PatientService } from '../patients/patient-service';
import type { Database } from '../storage/database';
import type { GroupCommit } from '../storage/group-commit';
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
  /** What each HL7 v2 message kind becomes (care transitions), by `ADT^A03` and so on. */
  hl7Handlers: Hl7Handlers;
  /** Commits HL7 message batches together with the server's other grouped writes. */
  hl7Writes?: GroupCommit;
  onError: (error: unknown, context: string) => void;
}

export interface Channels {
  /** `caredesk serve` calls listen() when INBOUND_MAIL_ENABLED. */
  inboundMail: InboundMailListener;
  quarantine: MailQuarantine;
  /** The HL7 v2 feed over MLLP; `caredesk serve` calls hl7.listener.listen() when MLLP_ENABLED. */
  hl7: Hl7Feed;
  mailDomain: string;
  /** Stops taking mail (waits for messages being stored) and closes outbound connections. */
  close(): Promise<void>;
}

/**
 * E-mail and SMS (issue #5 point 4) and the HL7 v2 feed (issue #6 point 1), chosen from the settings: the inbound SMTP listener and
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
  const hl7 = createHl7Feed({
    config,
    database,
    clock,
    organizationId: deps.organizationId,
    handlers: deps.hl7Handlers,
    writes: deps.hl7Writes,
    onError: deps.onError,
  });
  return {
    inboundMail,
    hl7,
    quarantine: new MailQuarantine({ database, clock, mailbox: deps.caseMailbox }),
    mailDomain,
    close: async () => {
      // Before the database closes: messages being stored finish and get their ACKs.
      await Promise.all([inboundMail.close(), hl7.listener.close()]);
      sender.close();
    },
  };
}
