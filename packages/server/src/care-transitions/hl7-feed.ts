import type { Clock } from '@caredesk/core';
import { buildRejectAck, writeHl7, type MessageErrorCondition } from '@caredesk/interop/hl7v2';
import { mllpListenerFor, type MllpSettings } from '../channels/mllp/mllp-listener-for';
import type { MllpListener, MllpLogger } from '../channels/mllp/mllp-listener';
import type { Database } from '../storage/database';
import type { GroupCommit } from '../storage/group-commit';
import { ackBytes, ackControlId } from './hl7-acks';
import { Hl7Inbox, type Hl7Handlers } from './hl7-inbox';

export interface Hl7Feed {
  inbox: Hl7Inbox;
  /** `caredesk serve` calls listen() when MLLP_ENABLED. */
  listener: MllpListener;
}

/**
 * The HL7 v2 feed: the MLLP listener handing every frame to the inbox, which answers with
 * the ACK after commit. Frames a sender pipelines (sends without waiting for each ACK) are
 * stored and processed together, one transaction and one durable commit for the lot, each
 * message keeping its own outcome (Hl7Inbox.receiveBatch). A frame the listener refuses before it is a message (bigger than
 * MLLP_MAX_FRAME_BYTES, or cut off by a new start byte) gets an AR built from what can be
 * read of its header; a failure of the inbox itself (the database unreachable) closes the
 * connection instead of answering, so the sender sends the message again.
 */
export function createHl7Feed(deps: {
  config: MllpSettings;
  database: Database;
  clock: Clock;
  organizationId: string;
  handlers: Hl7Handlers;
  /** The server's group commit (SQLite: WAL synced off the event loop). */
  writes?: GroupCommit;
  logger?: MllpLogger;
  onError: (error: unknown, context: string) => void;
}): Hl7Feed {
  const inbox = new Hl7Inbox({
    database: deps.database,
    clock: deps.clock,
    organizationId: deps.organizationId,
    handlers: deps.handlers,
    onError: (error, id) => deps.onError(error, `hl7 message ${id}`),
    writes: deps.writes,
  });
  const listener = mllpListenerFor(deps.config, {
    handler: async (frame, meta) => (await inbox.receive(frame, meta.remoteAddress)).ack,
    batchHandler: async (frames, meta) =>
      (await inbox.receiveBatch(frames, meta.remoteAddress)).map((r) => r.ack),
    onProtocolError: (refused) => {
      if (refused.kind === 'handler-failed') return null;
      const [code, text]: [MessageErrorCondition, string] =
        refused.kind === 'oversized'
          ? [
              '104',
              `The message is larger than this receiver takes (${deps.config.mllpMaxFrameBytes} bytes).`,
            ]
          : ['100', 'A new message started before this one ended.'];
      const ack = buildRejectAck(refused.head, {
        controlId: ackControlId(),
        now: deps.clock.now(),
        error: { code, text },
      });
      return ackBytes(writeHl7(ack));
    },
    logger: deps.logger,
  });
  return { inbox, listener };
}
