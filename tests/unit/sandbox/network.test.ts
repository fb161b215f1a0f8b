import type { NetworkInterfaceInfo } from 'node:os';
import { chooseNetwork, reachableHost, withHost } from '../../../sandbox/network';

function address(family: 'IPv4' | 'IPv6', ip: string, internal: boolean): NetworkInterfaceInfo {
  const common = { netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4'
    ? { ...common, address: ip, family }
    : { ...common, address: ip, family, scopeid: 0 };
}

const laptop = {
  lo: [address('IPv4', '127.0.0.1', true), address('IPv6', '::1', true)],
  wlan0: [address('IPv6', 'fe80::1', false), address('IPv4', '192.168.1.23', false)],
  docker0: [address('IPv4', '172.17.0.1', false)],
};

describe('the network the sandbox listens on and names', () => {
  it('listens on loopback and names loopback when no host is given', () => {
    const network = chooseNetwork({}, laptop);

    expect(network).toEqual({ bindHost: '127.0.0.1', publicHost: '127.0.0.1' });
  });

  it('names the address it listens on when that address is a specific one', () => {
    const network = chooseNetwork({ host: '127.0.0.2' }, laptop);

    expect(network).toEqual({ bindHost: '127.0.0.2', publicHost: '127.0.0.2' });
  });

  it.each(['0.0.0.0', '::'])(
    'names the first non-internal IPv4 address when listening on %s',
    (host) => {
      const network = chooseNetwork({ host }, laptop);

      expect(network).toEqual({ bindHost: host, publicHost: '192.168.1.23' });
    },
  );

  it('names loopback when listening everywhere on a machine with no network address', () => {
    const network = chooseNetwork({ host: '0.0.0.0' }, { lo: laptop.lo });

    expect(network.publicHost).toBe('127.0.0.1');
  });

  it('names the public host given, whatever it listens on', () => {
    const network = chooseNetwork({ host: '0.0.0.0', publicHost: 'laptop.local' }, laptop);

    expect(network).toEqual({ bindHost: '0.0.0.0', publicHost: 'laptop.local' });
  });
});

describe('URLs of the sandbox', () => {
  it.each([
    ['http://0.0.0.0:3000/api', '192.168.1.23', 'http://192.168.1.23:3000/api'],
    ['http://127.0.0.1:4569', 'laptop.local', 'http://laptop.local:4569'],
    ['ws://[::]:3002/api', '::1', 'ws://[::1]:3002/api'],
  ])('%s with host %s is %s', (url, host, expected) => {
    expect(withHost(url, host)).toBe(expected);
  });

  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['::', '::1'],
    ['127.0.0.2', '127.0.0.2'],
  ])('reaches a server listening on %s at %s', (bindHost, expected) => {
    expect(reachableHost(bindHost)).toBe(expected);
  });
});
