// The template as the sandbox runs it: the parameters the sandbox sets unless
// the user does (push credentials naming the local test secrets; media are
// served as on AWS, through the local CloudFront endpoint). They are given to the parse as overrides, not patched
// into the model afterwards, because conditions such as ApnsConfigured decide
// which resources exist, and the parse evaluates them.
import { localPushParameters } from '../secrets/push-credentials';
import type { SandboxModel } from '../template/model';
import { parseTemplate, type ParseOptions } from '../template/parse';
import type { PseudoParameters } from '../template/pseudo-parameters';

/**
 * Parses the template once for the parameters it declares and, when the
 * sandbox has local values for some of them, once more with those values.
 */
export function parseLocalTemplate(
  templatePath: string,
  parameterOverrides: Record<string, string>,
  pseudo: PseudoParameters,
  parseOptions: ParseOptions = {},
): SandboxModel {
  const declared = parseTemplate(templatePath, parameterOverrides, pseudo, parseOptions);
  const localValues = localPushParameters(declared.parameters, parameterOverrides, pseudo);
  if (Object.keys(localValues).length === 0) return declared;
  const overrides = { ...localValues, ...parameterOverrides };
  return parseTemplate(templatePath, overrides, pseudo, parseOptions);
}
