import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('MLLP settings', () => {
  it('listens on 127.0.0.1:2575, the registered HL7 port, over plain TCP by default', () => {
    expect(loadConfig({})).toMatchObject({
      mllpEnabled: true,
      mllpHost: '127.0.0.1',
      mllpPort: 2575,
      mllpMaxFrameBytes: 1024 * 1024,
      mllpMaxConnections: 100,
      mllpIdleTimeoutSeconds: 300,
      mllpFrameTimeoutSeconds: 30,
    });
    expect(loadConfig({}).mllpTlsCert).toBeUndefined();
  });

  it('takes every MLLP setting from the environment', () => {
    const c = loadConfig({
      MLLP_ENABLED: 'false',
      MLLP_HOST: '0.0.0.0',
      MLLP_PORT: '0',
      MLLP_TLS_CERT: '/etc/caredesk/mllp.crt',
      MLLP_TLS_KEY: '/etc/caredesk/mllp.key',
      MLLP_MAX_FRAME_BYTES: '8388608',
      MLLP_MAX_CONNECTIONS: '20',
      MLLP_IDLE_TIMEOUT_SECONDS: '3600',
      MLLP_FRAME_TIMEOUT_SECONDS: '120',
    });
    expect(c).toMatchObject({
      mllpEnabled: false,
      mllpHost: '0.0.0.0',
      mllpPort: 0,
      mllpTlsCert: '/etc/caredesk/mllp.crt',
      mllpTlsKey: '/etc/caredesk/mllp.key',
      mllpMaxFrameBytes: 8 * 1024 * 1024,
      mllpMaxConnections: 20,
      mllpIdleTimeoutSeconds: 3600,
      mllpFrameTimeoutSeconds: 120,
    });
  });

  it('names the setting when a value is out of range', () => {
    expect(() => loadConfig({ MLLP_PORT: '70000' })).toThrow(/MLLP_PORT \(mllpPort\)/);
    expect(() => loadConfig({ MLLP_MAX_FRAME_BYTES: '100' })).toThrow(/MLLP_MAX_FRAME_BYTES/);
    expect(() => loadConfig({ MLLP_MAX_FRAME_BYTES: String(65 * 1024 * 1024) })).toThrow(
      /MLLP_MAX_FRAME_BYTES/,
    );
    expect(() => loadConfig({ MLLP_MAX_CONNECTIONS: '0' })).toThrow(/MLLP_MAX_CONNECTIONS/);
    expect(() => loadConfig({ MLLP_IDLE_TIMEOUT_SECONDS: '0' })).toThrow(
      /MLLP_IDLE_TIMEOUT_SECONDS/,
    );
    expect(() => loadConfig({ MLLP_FRAME_TIMEOUT_SECONDS: 'soon' })).toThrow(
      /MLLP_FRAME_TIMEOUT_SECONDS/,
    );
    expect(() => loadConfig({ MLLP_ENABLED: 'yes' })).toThrow(/MLLP_ENABLED/);
  });

  it('wants the TLS certificate and key together', () => {
    expect(() => loadConfig({ MLLP_TLS_CERT: '/etc/caredesk/mllp.crt' })).toThrow(
      /MLLP_TLS_KEY \(mllpTlsKey\): set MLLP_TLS_CERT and MLLP_TLS_KEY together/,
    );
    expect(() => loadConfig({ MLLP_TLS_KEY: '/etc/caredesk/mllp.key' })).toThrow(
      /MLLP_TLS_CERT \(mllpTlsCert\): set MLLP_TLS_CERT and MLLP_TLS_KEY together/,
    );
  });
});
