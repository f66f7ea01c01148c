import { AppError } from '../../errors/app-error';
import { checkAudioReference } from '../../../shared/interview/audio-reference';
import { allowedNetworks, assertReachableHost, resolveWithDns, type ResolveHost } from './address-policy';
import { pinnedFetch, type PinnedAddress } from './pinned-fetch';

export interface SafeFetchOptions {
  maxBytes: number;
  fetch?: typeof fetch;
  resolve?: ResolveHost;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Private networks configuration opened to scripts (CIDR). */
  allowedNetworks?: readonly string[];
}

/** Every hop (the first URL and each redirect) passes the script's URL rules and the address policy. */
async function checkHop(
  href: string,
  resolve: ResolveHost,
  isAllowed: (address: string) => boolean,
): Promise<{ url: URL; pinned: PinnedAddress | undefined }> {
  const checked = checkAudioReference(href);
  if (!checked.ok || checked.reference.kind !== 'url')
    throw new AppError('INVALID_PAYLOAD', `${href} ${checked.ok ? 'is not a URL' : checked.problem}.`);
  const pinned = await assertReachableHost(checked.reference.url, resolve, isAllowed);
  return { url: checked.reference.url, pinned };
}

/** Reads a body chunk by chunk and stops at the cap, so an endless or huge answer never fills memory. */
async function readCapped(response: Response, href: string, maxBytes: number): Promise<Uint8Array> {
  const length = Number(response.headers.get('content-length') ?? NaN);
  if (length > maxBytes) {
    await response.body?.cancel();
    throw new AppError('INVALID_PAYLOAD', `${href} is larger than ${maxBytes} bytes (Content-Length ${length}).`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('INVALID_PAYLOAD', `${href} sent more than ${maxBytes} bytes; stopped reading.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches an untrusted URL: https (or http to this computer), never to private or link-local addresses, redirects
 * followed by hand and each checked, a timeout over the whole exchange and a streaming size cap.
 */
export async function safeFetch(href: string, options: SafeFetchOptions): Promise<Uint8Array> {
  // An injected fetch (tests) gets the URL; the real one connects to the very address that was checked.
  const injected = options.fetch;
  const request = (url: URL, pinned: PinnedAddress | undefined, signal: AbortSignal) =>
    injected ? injected(url.href, { signal, redirect: 'manual' }) : pinnedFetch(url, pinned, signal);
  const resolve = options.resolve ?? resolveWithDns;
  const maxRedirects = options.maxRedirects ?? 3;
  const isAllowed = allowedNetworks(options.allowedNetworks ?? []);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let current = href;
  for (let hop = 0; ; hop += 1) {
    const { url, pinned } = await checkHop(current, resolve, isAllowed);
    const response = await request(url, pinned, signal);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      if (hop >= maxRedirects) throw new AppError('BACKEND_ERROR', `${href} redirected more than ${maxRedirects} times.`);
      current = new URL(location, url).href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError('BACKEND_ERROR', `${current} answered ${response.status}`, { retryable: response.status >= 500 });
    }
    return readCapped(response, current, options.maxBytes);
  }
}
