// Where the sandbox listens and which address it writes into URLs. Only the
// endpoints a phone or an emulator talks to (REST, WebSocket, S3, CloudFront, Cognito)
// listen on --host; every internal service stays on loopback. The public host
// is what tokens' issuer, presigned URLs, outputs.json and the printed lines
// name, so it must reach this machine from the client and from here.
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export const LOOPBACK = '127.0.0.1';

export interface SandboxNetwork {
  /** The address client-facing endpoints listen on. */
  bindHost: string;
  /** The host in every URL clients and functions are given. */
  publicHost: string;
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

export function chooseNetwork(
  options: { host?: string; publicHost?: string },
  interfaces: Interfaces = networkInterfaces(),
): SandboxNetwork {
  const bindHost = options.host ?? LOOPBACK;
  return { bindHost, publicHost: options.publicHost ?? defaultPublicHost(bindHost, interfaces) };
}

/** `0.0.0.0` and `::` listen everywhere but name no address a client could use. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

function defaultPublicHost(bindHost: string, interfaces: Interfaces): string {
  if (!isWildcard(bindHost)) return bindHost;
  return firstExternalIPv4(interfaces) ?? LOOPBACK;
}

function firstExternalIPv4(interfaces: Interfaces): string | undefined {
  return Object.values(interfaces)
    .flatMap((addresses) => addresses ?? [])
    .find((address) => address.family === 'IPv4' && !address.internal)?.address;
}

/** Where this machine reaches a server bound to `bindHost`. */
export function reachableHost(bindHost: string): string {
  if (bindHost === '::' || bindHost === '[::]') return '::1';
  return bindHost === '0.0.0.0' ? LOOPBACK : bindHost;
}

/** A host as it stands in a URL: IPv6 addresses in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The same URL with another host, e.g. a server's bound address replaced by the public host. */
export function withHost(url: string, host: string): string {
  return url.replace(/^([a-z]+:\/\/)(\[[^\]]*\]|[^/:]+)/, `$1${urlHost(host)}`);
}
