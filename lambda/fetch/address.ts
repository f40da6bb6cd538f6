/**
 * Which addresses a fetch may reach. Report pages live on the public internet; a registry entry or a
 * redirect that points at loopback, a private network, link-local (cloud metadata at
 * 169.254.169.254) or any other special-purpose range is refused unless the caller allows it.
 */
import { isIP } from 'node:net';

/** `true` allows every private address (tests against 127.0.0.1); a list allows exactly those. */
export type PrivateAddressPolicy = boolean | readonly string[];

/** IPv4 special-purpose blocks (RFC 6890 and friends), as [first octets, prefix length]. */
const SPECIAL_V4: readonly [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 88, 99], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

/** Whether an IPv4 or IPv6 address is anything but a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return isSpecialV4(ipv4Bytes(address));
  if (version === 6) return isSpecialV6(ipv6Groups(address));
  return true;
}

export function isAllowedAddress(address: string, policy: PrivateAddressPolicy): boolean {
  if (!isPrivateAddress(address)) return true;
  return policy === true || (Array.isArray(policy) && policy.includes(address));
}

/**
 * The URL a fetch may start from or be redirected to: http(s) only, no credentials, and a literal IP
 * host must be allowed (host names are checked when they are resolved). Returns the problem or null.
 */
export function urlProblem(url: URL, policy: PrivateAddressPolicy): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} URLs are not fetched`;
  if (url.username !== '' || url.password !== '') return 'URLs with credentials are not fetched';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !isAllowedAddress(host, policy)) return `${host} is a private address`;
  return null;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

function isSpecialV4(bytes: number[]): boolean {
  return SPECIAL_V4.some(([prefix, bits]) => inPrefix(bytes, prefix, bits)) || bytes.every((b) => b === 255);
}

function inPrefix(bytes: number[], prefix: number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** Eight 16-bit groups; `::` expanded and a trailing dotted IPv4 part folded into the last two. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(dotted[1]);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

function isSpecialV6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const upperZero = g.slice(0, 5).every((x) => x === 0);
  if (upperZero && g5 === 0xffff) return isSpecialV4(embeddedV4); // ::ffff:a.b.c.d, IPv4-mapped
  if (upperZero && g5 === 0) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b) return isSpecialV4(embeddedV4); // NAT64 64:ff9b::/96
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  if (g0 === 0x2001 && g1 === 0x0db8) return true; // documentation
  if (g0 === 0x2002) return isSpecialV4([g1 >> 8, g1 & 0xff, (g[2] ?? 0) >> 8, (g[2] ?? 0) & 0xff]); // 6to4
  return (g0 & 0xe000) !== 0x2000; // only 2000::/3 is global unicast
}
