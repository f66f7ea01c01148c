// Can this machine reach a call service? DNS, then TCP, then (for TLS) the handshake, each timed: the answer
// says which of the three failed, which is what a network team needs to hear.
import { promises as dns } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { withDeadline } from '../../../shared/async/deadline';

export interface ReachTarget {
  host: string;
  port: number;
  tls: boolean;
}

export interface Reached {
  target: string;
  ok: boolean;
  /** "DNS 2 ms, TCP 1 ms, TLS 40 ms", or what failed and why. */
  detail: string;
}

const label = (target: ReachTarget) => `${target.host}:${target.port}`;

const within = <T>(ms: number, what: string, work: Promise<T>) => withDeadline(work, ms, () => new Error(`${what}: no answer in ${ms} ms`));

function connect(address: string, target: ReachTarget): { socket: net.Socket; done: Promise<void> } {
  const socket = net.connect({ host: address, port: target.port });
  const done = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', (error) => reject(new Error(`TCP connect to ${address}:${target.port} failed (${error.message})`)));
  });
  return { socket, done };
}

function handshake(socket: net.Socket, target: ReachTarget): { secure: tls.TLSSocket; done: Promise<void> } {
  const secure = tls.connect({ socket, host: target.host, servername: net.isIP(target.host) ? undefined : target.host });
  const done = new Promise<void>((resolve, reject) => {
    secure.once('secureConnect', resolve);
    secure.once('error', (error) => reject(new Error(`TLS handshake failed (${error.message})`)));
  });
  return { secure, done };
}

/** Resolves, connects and (for TLS) shakes hands with `target` within `timeoutMs` per stage; never throws. */
export async function reachHost(target: ReachTarget, timeoutMs: number): Promise<Reached> {
  const times: string[] = [];
  let started = Date.now();
  const lap = (stage: string) => {
    times.push(`${stage} ${Date.now() - started} ms`);
    started = Date.now();
  };
  let socket: net.Socket | undefined;
  try {
    const { address } = await within(timeoutMs, `DNS lookup of ${target.host}`, dns.lookup(target.host)).catch((error: Error) => {
      throw new Error(error.message.startsWith('DNS') ? error.message : `DNS lookup of ${target.host} failed (${error.message})`);
    });
    lap('DNS');
    const tcp = connect(address, target);
    socket = tcp.socket;
    await within(timeoutMs, `TCP connect to ${address}:${target.port}`, tcp.done);
    lap('TCP');
    if (target.tls) {
      const secured = handshake(tcp.socket, target);
      socket = secured.secure;
      await within(timeoutMs, 'TLS handshake', secured.done);
      lap('TLS');
    }
    return { target: label(target), ok: true, detail: times.join(', ') };
  } catch (error) {
    return { target: label(target), ok: false, detail: (error as Error).message };
  } finally {
    socket?.destroy();
  }
}
