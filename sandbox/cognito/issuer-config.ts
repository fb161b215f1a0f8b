// cognito-local names its tokens' issuer `http://HOST:PORT/<poolId>` unless
// `.cognito/config.json` in its working directory sets TokenConfig.IssuerDomain:
// the listening address (0.0.0.0 with --host 0.0.0.0) is not what clients use,
// so the issuer is always the endpoint clients and authorizers are given.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeIssuer(workDir: string, issuerDomain: string): void {
  const configDir = join(workDir, '.cognito');
  const configFile = join(configDir, 'config.json');
  mkdirSync(configDir, { recursive: true });
  // Kept: whatever else a developer configured there.
  const config = existsSync(configFile)
    ? (JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>)
    : {};
  const tokenConfig = { ...(config.TokenConfig as object | undefined), IssuerDomain: issuerDomain };
  writeFileSync(
    configFile,
    `${JSON.stringify({ ...config, TokenConfig: tokenConfig }, null, 2)}\n`,
  );
}
