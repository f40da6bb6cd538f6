/**
 * Which addresses a fetch may reach. Report pages live on the public internet; a registry entry or a
 * redirect that points at loopback, a private network, link-local (cloud metadata at
 * 169.254.169.254) or any other special-purpose range is refused unless the caller allows it.
 *
 * The ranges are ipaddr.js's (the IANA special-purpose registries); what each means for a fetch is
 * decided here, one row a range, so that a range the library adds is refused until it is decided.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** `true` allows every private address (tests against 127.0.0.1); a list allows exactly those. */
export type PrivateAddressPolicy = boolean | readonly string[];

/** Public, refused, or judged by the IPv4 address it carries (the host that is really reached). */
type Verdict = 'public' | 'refused' | 'embedded';

/** Only ordinary unicast is the internet; every special range is refused. */
const IPV4: Record<ReturnType<ipaddr.IPv4['range']>, Verdict> = {
  unicast: 'public',
  unspecified: 'refused', // 0.0.0.0/8: "this host", which connect() takes for the machine itself
  broadcast: 'refused',
  multicast: 'refused',
  linkLocal: 'refused', // 169.254/16: cloud metadata services answer there
  loopback: 'refused',
  carrierGradeNat: 'refused', // 100.64/10: the provider's side of a NAT, not the internet
  private: 'refused',
  reserved: 'refused', // documentation, benchmarking (198.18/15), 192.0.0/24, 240/4
  benchmarking: 'refused',
  amt: 'refused', // 192.52.193/24 multicast tunnel relays and AS112 DNS sinks serve no pages
  as112: 'refused',
};

/**
 * IPv6 is public only as `unicast` inside 2000::/3 (ipaddr.js also calls the unassigned rest of the
 * space, such as the deprecated IPv4-compatible ::a.b.c.d, unicast). Addresses that carry an IPv4
 * address are judged by it where the network really delivers to that IPv4 host: IPv4-mapped
 * (::ffff:a.b.c.d, which the OS connects to over IPv4) and the NAT64 well-known prefix 64:ff9b::/96
 * (which DNS64 hands out for IPv4-only sites on IPv6-only networks, AWS subnets included), so
 * 64:ff9b::10.0.0.1 is as private as 10.0.0.1. Tunnels are refused outright: Teredo (2001::/32) and
 * 6to4 (2002::/16, deprecated by RFC 7526) send the request through a relay towards an IPv4 address
 * that may be private, and no report is served on them.
 */
const IPV6: Record<string, Verdict> & Record<ReturnType<ipaddr.IPv6['range']>, Verdict> = {
  unicast: 'public',
  ipv4Mapped: 'embedded',
  rfc6052: 'embedded', // NAT64; only the /96 well-known prefix, see isPrivateV6
  unspecified: 'refused',
  linkLocal: 'refused',
  multicast: 'refused',
  loopback: 'refused',
  uniqueLocal: 'refused', // fc00::/7, the IPv6 private networks
  teredo: 'refused',
  '6to4': 'refused',
  rfc6145: 'refused', // ::ffff:0:a.b.c.d, IPv4-translated: stateless translators only, never in DNS
  reserved: 'refused', // 2001::/23 protocol assignments, 2001:db8::/32 and 3fff::/20 documentation
  benchmarking: 'refused',
  amt: 'refused',
  as112v6: 'refused',
  orchid2: 'refused', // ORCHIDs are identifiers, not routable addresses
  deprecatedOrchid: 'refused',
  droneRemoteIdProtocolEntityTags: 'refused',
  deprecatedSiteLocal: 'refused', // fec0::/10, the old private networks
  discard: 'refused', // 100::/64, a black hole by design
  segmentRouting: 'refused', // 5f00::/16, segment-routing SIDs, not hosts
};

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/** Whether an IPv4 or IPv6 address is anything but a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  // Node's rule for what an address is: ipaddr.js would also read 0x7f.1 or 2130706433 as one.
  const version = isIP(address);
  if (version === 4) return isPrivateV4(ipaddr.IPv4.parse(address));
  if (version === 6) return isPrivateV6(ipaddr.IPv6.parse(canonicalV6(address)));
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

function isPrivateV4(address: ipaddr.IPv4): boolean {
  return (IPV4[address.range()] ?? 'refused') !== 'public';
}

function isPrivateV6(address: ipaddr.IPv6): boolean {
  const verdict = IPV6[address.range()] ?? 'refused';
  if (verdict === 'embedded') {
    const mapped = address.isIPv4MappedAddress();
    if (!mapped && !address.match(NAT64_WELL_KNOWN)) return true; // 64:ff9b:1::/48 is for local use
    return isPrivateV4(new ipaddr.IPv4(address.toByteArray().slice(12)));
  }
  return verdict !== 'public' || !address.match(GLOBAL_UNICAST);
}

/**
 * The address in hexadecimal groups, zone dropped. ipaddr.js reads the deprecated IPv4-compatible
 * `::a.b.c.d` as IPv4-mapped `::ffff:a.b.c.d`, a different address; the WHATWG URL parser does not.
 * A zone only qualifies link-local and multicast addresses, which are refused with or without it.
 */
function canonicalV6(address: string): string {
  const bare = address.replace(/%.*$/, '');
  return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
}
