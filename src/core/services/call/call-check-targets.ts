// What `irec call check` needs from configuration for each provider, and which hosts it must reach.
import type { Config } from '../../../shared/config/schema';
import type { CallTokenProvider } from '../../../shared/domain/call-join';
import { ENV_KEYS, getPath } from '../config/layers';
import type { ReachTarget } from './reach-host';

/** The settings a live call over each provider needs (the same ones call-tokens.ts refuses to work without). */
export const REQUIRED_SETTINGS: Readonly<Record<CallTokenProvider, readonly string[]>> = {
  agora: ['backends.agora.appId', 'backends.agora.tokenUrl'],
  livekit: ['backends.livekit.url', 'backends.livekit.tokenUrl'],
  dev: ['backends.dev.callUrl', 'backends.dev.callTokenUrl'],
};

/**
 * The hosts agora-rtc-sdk-ng 4.24 asks first when joining (its WEBCS_DOMAIN and WEBCS_DOMAIN_BACKUP_LIST, global
 * and China areas, over HTTPS): when none of them answers, the join cannot get a gateway server.
 */
export const AGORA_GATEWAY_HOSTS = [
  'webrtc2-ap-web-1.agora.io',
  'webrtc2-ap-web-3.agora.io',
  'webrtc2-2.ap.sd-rtn.com',
  'webrtc2-4.ap.sd-rtn.com',
];

const envNameOf = (keyPath: string) => Object.entries(ENV_KEYS).find(([, path]) => path === keyPath)?.[0];

/** Each missing setting with its environment variable, e.g. "backends.agora.appId (IREC_AGORA_APP_ID)". */
export function missingSettings(provider: CallTokenProvider, config: Pick<Config, 'backends'>): string[] {
  return REQUIRED_SETTINGS[provider]
    .filter((keyPath) => !getPath(config, keyPath))
    .map((keyPath) => (envNameOf(keyPath) ? `${keyPath} (${envNameOf(keyPath)})` : keyPath));
}

/** A ws/wss/http/https URL as the host and port a browser would connect to, and whether over TLS. */
export function targetOfUrl(url: string): ReachTarget {
  const parsed = new URL(url);
  const tls = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) || (tls ? 443 : 80), tls };
}

/** Where the provider's service is: Agora's gateways, the LiveKit server, or the development call server. */
export function reachTargets(provider: CallTokenProvider, config: Pick<Config, 'backends'>): ReachTarget[] {
  if (provider === 'agora') return AGORA_GATEWAY_HOSTS.map((host) => ({ host, port: 443, tls: true }));
  return [targetOfUrl(String(getPath(config, REQUIRED_SETTINGS[provider][0]!)))];
}
