import { describe, expect, it } from 'vitest';
import { isAllowedAddress, isPrivateAddress, urlProblem } from '../../lambda/fetch/address.ts';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['8.8.8.8', false],
    ['202.96.134.133', false],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::a00:1', true],
    ['2001:db8::1', true],
    ['2002:7f00:1::', true],
    ['2400:3200::1', false],
    ['not an address', true],
    // IPv4 special-purpose ranges, each decided in address.ts
    ['0.1.2.3', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['192.0.0.8', true],
    ['192.0.2.1', true],
    ['198.51.100.7', true],
    ['203.0.113.9', true],
    ['198.18.0.1', true],
    ['239.255.255.250', true],
    ['240.0.0.1', true],
    ['192.88.99.1', true],
    ['192.175.48.1', true],
    ['192.52.193.1', true],
    // IPv6 beyond 2000::/3 or in a special range
    ['4000::1', true],
    ['fc00::1', true],
    ['fec0::1', true],
    ['FE80::1', true],
    ['fe80::1%eth0', true],
    ['ff05::1', true],
    ['100::1', true],
    ['5f00::1', true],
    ['3fff::1', true],
    ['2001:2::1', true],
    ['2001:20::1', true],
    ['2606:4700::1111', false],
    // Teredo and 6to4 tunnel to an embedded IPv4 address through a relay: refused, even a public one
    ['2001::1', true],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true],
    ['2002:808:808::1', true],
    // IPv4-mapped and NAT64 (64:ff9b::/96) reach the embedded IPv4 host: judged by it
    ['::ffff:10.0.0.1', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:c0a8:101', true],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::808:808', false],
    ['64:ff9b::8.8.8.8', false],
    ['64:ff9b:1::808:808', true],
    ['::ffff:0:808:808', true],
    // the deprecated IPv4-compatible form is not the IPv4-mapped one (ipaddr.js alone reads it so)
    ['::8.8.8.8', true],
    ['::808:808', true],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('isAllowedAddress', () => {
  it('allows public addresses always and private ones only by policy', () => {
    expect(isAllowedAddress('8.8.8.8', false)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', false)).toBe(false);
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedAddress('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isAllowedAddress('127.0.0.2', ['127.0.0.1'])).toBe(false);
  });
});

describe('urlProblem', () => {
  it.each([
    ['https://www.example.org/a.html', null],
    ['http://8.8.8.8/', null],
    ['ftp://www.example.org/a', 'ftp: URLs are not fetched'],
    ['file:///etc/passwd', 'file: URLs are not fetched'],
    ['http://user:pw@www.example.org/', 'URLs with credentials are not fetched'],
    ['http://127.0.0.1:8080/', '127.0.0.1 is a private address'],
    ['http://[::1]/', '::1 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a private address'],
    ['http://2130706433/', '127.0.0.1 is a private address'],
    ['http://0x7f.1/', '127.0.0.1 is a private address'],
    ['http://[::ffff:10.0.0.1]/', '::ffff:a00:1 is a private address'],
    ['http://[2001::1]/', '2001::1 is a private address'],
    ['http://[64:ff9b::8.8.8.8]/', null],
  ])('%s → %s', (url, problem) => {
    expect(urlProblem(new URL(url), false)).toBe(problem);
  });
});
