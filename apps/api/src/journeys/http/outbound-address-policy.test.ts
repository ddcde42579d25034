import { isAllowListEntry, OutboundAddressPolicy } from './outbound-address-policy';

describe('OutboundAddressPolicy', () => {
  const strict = new OutboundAddressPolicy();

  it.each([
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '127.0.0.1',
    '127.8.9.10',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
  ])('refuses %s without configuration', (address) => {
    expect(strict.permits(address)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'permits the public address %s',
    (address) => {
      expect(strict.permits(address)).toBe(true);
    },
  );

  it('refuses what is not an IP address', () => {
    expect(strict.permits('localhost')).toBe(false);
  });

  it('permits configured ranges, addresses and host names, and nothing else private', () => {
    const policy = new OutboundAddressPolicy(['10.20.0.0/16', '127.0.0.1', 'fd00::/8', 'CRM.internal']);
    expect(policy.permits('10.20.5.6')).toBe(true);
    expect(policy.permits('10.21.0.1')).toBe(false);
    expect(policy.permits('127.0.0.1')).toBe(true);
    expect(policy.permits('::ffff:127.0.0.1')).toBe(true);
    expect(policy.permits('127.0.0.2')).toBe(false);
    expect(policy.permits('fd00::5')).toBe(true);
    expect(policy.permits('192.168.0.1', 'crm.internal')).toBe(true);
    expect(policy.permits('192.168.0.1', 'other.internal')).toBe(false);
  });

  it.each([
    ['crm.internal', true],
    ['10.0.0.0/8', true],
    ['::1/128', true],
    ['10.0.0.0/33', false],
    ['10.0.0.0/8/1', false],
    ['http://crm', false],
    ['crm.internal/8', false],
  ])('reads %s as an allow-list entry: %s', (entry, valid) => {
    expect(isAllowListEntry(entry)).toBe(valid);
  });
});
