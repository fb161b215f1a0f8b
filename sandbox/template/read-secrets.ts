import type { SecretSpec } from './model';
import type { ResolveContext } from './resolve';
import {
  recordOrEmpty,
  resolveOptionalBoolean,
  resolveOptionalNumber,
  resolveOptionalText,
} from './template-document';
import type { TemplateResource } from './template-document';

export function readSecrets(resources: TemplateResource[], ctx: ResolveContext): SecretSpec[] {
  return resources
    .filter((resource) => resource.type === 'AWS::SecretsManager::Secret')
    .map((resource) => {
      const where = resource.logicalId;
      const generate = recordOrEmpty(resource.properties.GenerateSecretString);
      const at = (name: string) => `${where}.GenerateSecretString.${name}`;
      const spec: SecretSpec = {
        logicalId: resource.logicalId,
        name: resolveOptionalText(resource.properties.Name, ctx, `${where}.Name`),
        secretString: resolveOptionalText(
          resource.properties.SecretString,
          ctx,
          `${where}.SecretString`,
        ),
        passwordLength: resolveOptionalNumber(generate.PasswordLength, ctx, at('PasswordLength')),
        excludePunctuation: resolveOptionalBoolean(
          generate.ExcludePunctuation,
          ctx,
          at('ExcludePunctuation'),
        ),
        excludeCharacters: resolveOptionalText(
          generate.ExcludeCharacters,
          ctx,
          at('ExcludeCharacters'),
        ),
        secretStringTemplate: resolveOptionalText(
          generate.SecretStringTemplate,
          ctx,
          at('SecretStringTemplate'),
        ),
        generateStringKey: resolveOptionalText(
          generate.GenerateStringKey,
          ctx,
          at('GenerateStringKey'),
        ),
      };
      return Object.fromEntries(
        Object.entries(spec).filter(([, value]) => value !== undefined),
      ) as SecretSpec;
    });
}
