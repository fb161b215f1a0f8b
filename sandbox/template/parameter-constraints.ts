// The checks CloudFormation applies to a parameter's value before it creates
// anything: a value `sam deploy` would refuse is refused by the sandbox too,
// with the template's ConstraintDescription when it gives one.
import { recordOrEmpty } from './template-document';

function problemOf(value: string, declaration: Record<string, unknown>): string | undefined {
  const type = String(declaration.Type ?? 'String');
  const allowedValues = declaration.AllowedValues;
  if (Array.isArray(allowedValues) && !allowedValues.map(String).includes(value)) {
    return `must be one of ${allowedValues.map(String).join(', ')}`;
  }
  if (type === 'Number') {
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number)) return 'must be a number';
    if (declaration.MinValue !== undefined && number < Number(declaration.MinValue)) {
      return `must be at least ${String(declaration.MinValue)}`;
    }
    if (declaration.MaxValue !== undefined && number > Number(declaration.MaxValue)) {
      return `must be at most ${String(declaration.MaxValue)}`;
    }
    return undefined;
  }
  // CloudFormation matches AllowedPattern against the whole value.
  if (
    typeof declaration.AllowedPattern === 'string' &&
    !new RegExp(`^(?:${declaration.AllowedPattern})$`).test(value)
  ) {
    return `must match pattern ${declaration.AllowedPattern}`;
  }
  if (declaration.MinLength !== undefined && value.length < Number(declaration.MinLength)) {
    return `must be at least ${String(declaration.MinLength)} characters long`;
  }
  if (declaration.MaxLength !== undefined && value.length > Number(declaration.MaxLength)) {
    return `must be at most ${String(declaration.MaxLength)} characters long`;
  }
  return undefined;
}

/** Throws, naming the parameter, when its value breaks one of its declared constraints. */
export function assertParameterValue(name: string, value: string, declared: unknown): void {
  const declaration = recordOrEmpty(declared);
  const problem = problemOf(value, declaration);
  if (!problem) return;
  const why =
    typeof declaration.ConstraintDescription === 'string'
      ? `${problem} (${declaration.ConstraintDescription})`
      : problem;
  throw new Error(`Parameter ${name} ${why}; got "${value}"`);
}
