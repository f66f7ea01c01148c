/** A network written as address/bits, IPv4 (`10.20.0.0/16`) or IPv6 (`fd00::/8`). */
export interface Cidr {
  address: string;
  bits: number;
  family: 'ipv4' | 'ipv6';
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
// Hex groups and colons with at most one "::"; the address is checked again by Node where it is used.
const IPV6 = /^(?=.*:)(?!.*::.*::)[0-9a-f:]{2,39}$/i;

export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return undefined;
  const [, address, bitsText] = match as unknown as [string, string, string];
  const bits = Number(bitsText);
  if (IPV4.test(address) && bits <= 32) return { address, bits, family: 'ipv4' };
  if (IPV6.test(address) && bits <= 128) return { address, bits, family: 'ipv6' };
  return undefined;
}

export const isCidr = (text: string): boolean => parseCidr(text) !== undefined;
