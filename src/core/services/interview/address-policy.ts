import dns from 'node:dns/promises';
import net from 'node:net';
import { AppError } from '../../errors/app-error';
import { LOOPBACK_HOSTS } from '../../../shared/interview/audio-reference';
import { parseCidr } from '../../../shared/config/cidr';

/** All the addresses a host name resolves to (injectable so tests need no DNS). */
export type ResolveHost = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export const resolveWithDns: ResolveHost = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

// Addresses a script's URL must never reach: the cloud metadata service (link-local), the local network (private),
// this computer (loopback, unless the URL names it outright), and addresses that are not one host.
const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fe80::', 10],
  ['fc00::', 7],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(prefix, bits, 'ipv6');

/** Whether an IP address is private, link-local, loopback, unspecified or multicast (IPv4-mapped IPv6 included). */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = net.isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) return blocked.check(bare, 'ipv6');
  return true;
}

/** The networks configuration opens to scripts (`interview.allowedPrivateNetworks`), as one matcher. */
export function allowedNetworks(cidrs: readonly string[]): (address: string) => boolean {
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const parsed = parseCidr(cidr);
    if (parsed) list.addSubnet(parsed.address, parsed.bits, parsed.family);
  }
  return (address) => {
    const bare = address.replace(/^\[|\]$/g, '');
    const family = net.isIP(bare);
    return family !== 0 && list.check(bare, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/**
 * Refuses a URL whose host is, or resolves to, an address a script may not reach, unless configuration opened
 * that network. The loopback names themselves (localhost, 127.0.0.1, ::1) are allowed, for development and tests.
 * Answers the checked address to connect to (none for the loopback names).
 */
export async function assertReachableHost(
  url: URL,
  resolve: ResolveHost,
  isAllowed: (address: string) => boolean = () => false,
): Promise<{ address: string; family: number } | undefined> {
  if (LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const entries = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await resolve(host);
  if (entries.length === 0) throw new AppError('BACKEND_ERROR', `${url.host} does not resolve to any address.`);
  const bad = entries.map((entry) => entry.address).find((address) => isBlockedAddress(address) && !isAllowed(address));
  if (bad !== undefined)
    throw new AppError(
      'INVALID_PAYLOAD',
      `${url.host} resolves to ${bad}, a private, link-local or local address the interview script may not reach; host the audio on a public https: server (or, for an intranet server, add its network to interview.allowedPrivateNetworks).`,
      { details: { host: url.host, address: bad } },
    );
  return entries[0];
}
