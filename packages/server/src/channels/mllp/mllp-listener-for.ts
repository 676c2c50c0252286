import type { Config } from '../../config/config';
import {
  MllpListener,
  type MllpBatchHandler,
  type MllpLogger,
  type MllpMessageHandler,
  type MllpRejectionBuilder,
} from './mllp-listener';

/** The settings the listener reads (MLLP_* in the README's configuration table). */
export type MllpSettings = Pick<
  Config,
  | 'mllpHost'
  | 'mllpPort'
  | 'mllpTlsCert'
  | 'mllpTlsKey'
  | 'mllpMaxFrameBytes'
  | 'mllpMaxConnections'
  | 'mllpIdleTimeoutSeconds'
  | 'mllpFrameTimeoutSeconds'
>;

/** What the composition root plugs in: the message store and the HL7 ACK builders. */
export interface MllpWiring {
  handler: MllpMessageHandler;
  batchHandler?: MllpBatchHandler | undefined;
  onProtocolError?: MllpRejectionBuilder | undefined;
  logger?: MllpLogger | undefined;
}

/**
 * The listener the settings describe. `caredesk serve` calls listen() on it when
 * MLLP_ENABLED, and prints mllpBannerLine with the bound port.
 */
export function mllpListenerFor(config: MllpSettings, wiring: MllpWiring): MllpListener {
  return new MllpListener({
    host: config.mllpHost,
    port: config.mllpPort,
    tls:
      config.mllpTlsCert && config.mllpTlsKey
        ? { certFile: config.mllpTlsCert, keyFile: config.mllpTlsKey }
        : undefined,
    maxFrameBytes: config.mllpMaxFrameBytes,
    maxConnections: config.mllpMaxConnections,
    idleTimeoutMs: config.mllpIdleTimeoutSeconds * 1000,
    frameTimeoutMs: config.mllpFrameTimeoutSeconds * 1000,
    handler: wiring.handler,
    batchHandler: wiring.batchHandler,
    onProtocolError: wiring.onProtocolError,
    logger: wiring.logger,
  });
}

/**
 * The start-up banner's line for the listener, in the same column as "Inbound mail:". The
 * e2e and benchmark harnesses read ports from the banner: /HL7 over MLLP:\s+mllps?:\/\/\S+:(\d+)/.
 */
export function mllpBannerLine(url: string): string {
  return `  HL7 over MLLP:  ${url}\n`;
}
