import { BlockList, isIP } from 'node:net';

/**
 * Address ranges an outbound call to a merchant-given URL must not reach (server-side request
 * forgery): the server's own services, its private network and the cloud metadata endpoints.
 * Checked in order, so the metadata addresses are named before the link-local/ULA ranges holding them.
 */
const RANGES: ReadonlyArray<[reason: string, subnets: ReadonlyArray<[string, number]>]> = [
  [
    'cloud metadata',
    [
      ['169.254.169.254', 32],
      ['fd00:ec2::254', 128],
    ],
  ],
  [
    'unspecified',
    [
      ['0.0.0.0', 8],
      ['::', 128],
    ],
  ],
  [
    'loopback',
    [
      ['127.0.0.0', 8],
      ['::1', 128],
    ],
  ],
  [
    'private',
    [
      ['10.0.0.0', 8],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ],
  ],
  ['shared (carrier-grade NAT)', [['100.64.0.0', 10]]],
  [
    'link-local',
    [
      ['169.254.0.0', 16],
      ['fe80::', 10],
    ],
  ],
  ['unique local', [['fc00::', 7]]],
  ['site-local', [['fec0::', 10]]],
  [
    'multicast',
    [
      ['224.0.0.0', 4],
      ['ff00::', 8],
    ],
  ],
  ['broadcast', [['255.255.255.255', 32]]],
  [
    'reserved',
    [
      ['192.0.0.0', 24],
      ['192.0.2.0', 24],
      ['192.88.99.0', 24],
      ['198.18.0.0', 15],
      ['198.51.100.0', 24],
      ['203.0.113.0', 24],
      ['240.0.0.0', 4],
      ['64:ff9b:1::', 48],
      ['100::', 64],
      ['2001::', 23],
      ['2001:db8::', 32],
    ],
  ],
];

const LISTS = RANGES.map(([reason, subnets]) => {
  const list = new BlockList();
  for (const [net, prefix] of subnets) list.addSubnet(net, prefix, isIP(net) === 6 ? 'ipv6' : 'ipv4');
  return [reason, list] as const;
});

/** IPv6 forms that carry an IPv4 address: the embedded address decides (::ffff:127.0.0.1 is loopback). */
const EMBEDDING = new BlockList();
EMBEDDING.addSubnet('64:ff9b::', 96, 'ipv6'); // NAT64
EMBEDDING.addSubnet('2002::', 16, 'ipv6'); // 6to4
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');

/**
 * Why an IP address may not be called ("loopback", "private", "cloud metadata", …), or null for a
 * public unicast address. IPv4-mapped, NAT64 and 6to4 IPv6 addresses are judged by their IPv4 address.
 */
export function disallowedAddressReason(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 0) return 'not an IP address';
  const type = version === 6 ? 'ipv6' : 'ipv4';
  for (const [reason, list] of LISTS) if (list.check(ip, type)) return reason;
  if (version === 4) return null;
  const embedded = embeddedIpv4(ip);
  if (embedded !== null) return disallowedAddressReason(embedded);
  // BlockList matches IPv4-mapped addresses against IPv4 rules; an unmatched mapped address is public.
  if (/^::ffff:/i.test(ip)) return null;
  return GLOBAL_UNICAST.check(ip, 'ipv6') ? null : 'reserved';
}

/** The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, else null. */
function embeddedIpv4(ip: string): string | null {
  if (!EMBEDDING.check(ip, 'ipv6')) return null;
  const groups = expandIpv6(ip);
  const [hi, lo] = ip.toLowerCase().startsWith('2002:') ? [groups[1], groups[2]] : [groups[6], groups[7]];
  if (hi === undefined || lo === undefined) return null;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part included). */
function expandIpv6(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
