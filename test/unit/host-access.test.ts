import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieValue, createHostAccess } from '../../src/host/host-access';

const requestWith = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as http.IncomingMessage;

describe('browser host access', () => {
  it("reads one cookie among several, including other ports' sessions", () => {
    const header = 'theme=dark; irec-session-4100=aaa; irec-session-41000=bbb;irec-session-410=ccc';
    expect(cookieValue(header, 'irec-session-41000')).toBe('bbb');
    expect(cookieValue(header, 'irec-session-410')).toBe('ccc');
    expect(cookieValue(header, 'irec-session-1')).toBeUndefined();
    expect(cookieValue(undefined, 'irec-session-1')).toBeUndefined();
  });

  it('redeems each launch secret once and no other value', () => {
    const access = createHostAccess(4100);
    const [first, second] = [access.issueLaunchSecret(), access.issueLaunchSecret()];
    expect(first).not.toBe(second);
    expect(access.redeem(`${first}x`)).toBe(false);
    expect(access.redeem(first)).toBe(true);
    expect(access.redeem(first)).toBe(false);
    expect(access.redeem(second)).toBe(true);
    expect(access.redeem('')).toBe(false);
  });

  it("accepts only this run's session under this port's name", () => {
    const access = createHostAccess(4100);
    const other = createHostAccess(4100);
    const pair = access.setCookieHeader().split(';')[0]!;
    expect(access.hasSession(requestWith(`a=b; ${pair}`))).toBe(true);
    expect(other.hasSession(requestWith(pair))).toBe(false);
    expect(access.hasSession(requestWith(pair.replace('irec-session-4100', 'irec-session-4101')))).toBe(false);
    expect(access.hasSession(requestWith())).toBe(false);
    expect(access.setCookieHeader()).toMatch(/^irec-session-4100=[\w-]{32}; HttpOnly; SameSite=Strict; Path=\/$/);
  });
});
