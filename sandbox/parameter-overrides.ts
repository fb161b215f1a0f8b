// `--parameter-overrides` as SAM CLI reads it: `K=V` pairs separated by spaces,
// in one argument or several, or `ParameterKey=K,ParameterValue=V`; a value may
// be quoted to hold spaces, and may be empty (`ApnsCredentialsSecretArn=`).

const PAIR =
  /^(?:ParameterKey=([^,\s]+),ParameterValue=|([A-Za-z0-9]+)=)("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/;

function unquote(value: string): string {
  if (value.startsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, '$1');
  if (value.startsWith("'")) return value.slice(1, -1);
  return value;
}

export function parseParameterOverrides(values: readonly string[]): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const value of values) {
    let rest = value.trim();
    while (rest !== '') {
      const match = PAIR.exec(rest);
      const key = match?.[1] ?? match?.[2];
      if (!match || key === undefined) {
        throw new Error(
          `--parameter-overrides expects KEY=VALUE or ParameterKey=KEY,ParameterValue=VALUE, got "${rest.split(/\s/)[0]}"`,
        );
      }
      overrides[key] = unquote(match[3] ?? '');
      rest = rest.slice(match[0].length).trimStart();
    }
  }
  return overrides;
}

/**
 * SAM CLI takes every word after `--parameter-overrides` up to the next option;
 * node's parseArgs takes one. Joins those words into the option's one value.
 */
export function gatherParameterOverrides(args: readonly string[]): string[] {
  const gathered: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    gathered.push(arg);
    if (arg !== '--parameter-overrides') continue;
    const words: string[] = [];
    while (index + 1 < args.length && !(args[index + 1] as string).startsWith('--')) {
      words.push(args[++index] as string);
    }
    gathered.push(words.join(' '));
  }
  return gathered;
}
