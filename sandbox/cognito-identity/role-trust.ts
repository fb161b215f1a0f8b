// Whether a role's trust policy lets the identity pool's identities of one
// kind assume it, as STS decides for AssumeRoleWithWebIdentity: an Allow for
// the federated principal cognito-identity.amazonaws.com whose conditions
// name this pool (`aud`) and this kind (`amr`). Conditions on other keys, or
// other operators, are not emulated and make the role untrusted here.

interface Statement {
  Effect?: string;
  Principal?: { Federated?: string | string[] };
  Action?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

const AUD = 'cognito-identity.amazonaws.com:aud';
const AMR = 'cognito-identity.amazonaws.com:amr';

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function conditionHolds(
  condition: Statement['Condition'],
  poolId: string,
  amr: 'authenticated' | 'unauthenticated',
): boolean {
  let namesPool = false;
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      const wanted = asList(values);
      if (key === AUD && operator === 'StringEquals') {
        if (!wanted.includes(poolId)) return false;
        namesPool = true;
      } else if (key === AMR && /^ForAnyValue:String(Like|Equals)$/.test(operator)) {
        if (!wanted.includes(amr)) return false;
      } else {
        return false;
      }
    }
  }
  return namesPool;
}

export function roleTrusts(
  trustPolicy: unknown,
  poolId: string,
  amr: 'authenticated' | 'unauthenticated',
): boolean {
  const statements = asList((trustPolicy as { Statement?: Statement | Statement[] })?.Statement);
  return statements.some(
    (statement) =>
      statement.Effect === 'Allow' &&
      asList(statement.Principal?.Federated).includes('cognito-identity.amazonaws.com') &&
      asList(statement.Action).includes('sts:AssumeRoleWithWebIdentity') &&
      conditionHolds(statement.Condition, poolId, amr),
  );
}
