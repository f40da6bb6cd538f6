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
  ])('%s → %s', (url, problem) => {
    expect(urlProblem(new URL(url), false)).toBe(problem);
  });
});
