// The template's AWS::OpenSearchService::Domain resources, served locally by
// the search endpoint: `!GetAtt X.DomainEndpoint` resolves to its host:port
// (OpenSearch Service gives a host name without scheme), and the functions'
// `https://<endpoint>` values are rewritten to plain HTTP, the way WebSocket
// URLs are localized, since the local endpoint has no TLS.
import type { PhysicalResources, SandboxModel } from '../template/model';
import { localArn, type PseudoParameters } from '../template/pseudo-parameters';

const DOMAIN_TYPE = 'AWS::OpenSearchService::Domain';

/** `SearchDomain` → `searchdomain`: OpenSearch domain names are lower case. */
function localDomainName(logicalId: string): string {
  return logicalId.toLowerCase().slice(0, 28);
}

/** What `!Ref` and `!GetAtt` give for each domain the template declares (whose Condition holds). */
export function openSearchDomainResources(
  model: SandboxModel,
  searchEndpoint: string,
  pseudo: PseudoParameters,
): PhysicalResources {
  const host = new URL(searchEndpoint).host;
  return Object.fromEntries(
    model.resources
      .filter((resource) => resource.type === DOMAIN_TYPE)
      .map((resource) => {
        const name = localDomainName(resource.logicalId);
        const arn = localArn(pseudo, 'es', `domain/${name}`);
        return [
          resource.logicalId,
          { ref: name, attributes: { Arn: arn, DomainArn: arn, DomainEndpoint: host, Id: name } },
        ];
      }),
  );
}

/** Function environment values naming `https://<local search host>` get `http://` instead. */
export function localizeOpenSearchUrls(
  values: Record<string, string>,
  searchEndpoint: string,
): Record<string, string> {
  const host = new URL(searchEndpoint).host.replaceAll('.', '\\.');
  // The whole port only: another port that starts with the same digits is another service.
  const local = new RegExp(`https://(${host})(?!\\d)`, 'g');
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.replace(local, 'http://$1')]),
  );
}
