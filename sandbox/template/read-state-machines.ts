// The template's AWS::Serverless::StateMachine resources: the definition
// (DefinitionUri, a JSON or YAML file beside the template, or an inline
// Definition) and its DefinitionSubstitutions, left unresolved: they name
// resources that exist only once the services are up.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Intrinsic, StateMachineSpec } from './model';
import type { ResolveContext } from './resolve';
import { isRecord, recordOrEmpty, resolveOptionalText } from './template-document';
import type { TemplateResource } from './template-document';

export function readStateMachines(
  resources: TemplateResource[],
  baseDir: string,
  ctx: ResolveContext,
): StateMachineSpec[] {
  return resources
    .filter((resource) => resource.type === 'AWS::Serverless::StateMachine')
    .map((resource) => {
      const where = resource.logicalId;
      const type =
        resolveOptionalText(resource.properties.Type, ctx, `${where}.Type`) ?? 'STANDARD';
      if (type !== 'STANDARD' && type !== 'EXPRESS') {
        throw new Error(`${where}.Type must be STANDARD or EXPRESS, got ${type}`);
      }
      return {
        logicalId: resource.logicalId,
        type,
        definition: definitionOf(resource, baseDir, ctx),
        substitutions: recordOrEmpty(resource.properties.DefinitionSubstitutions) as Record<
          string,
          Intrinsic
        >,
      };
    });
}

function definitionOf(resource: TemplateResource, baseDir: string, ctx: ResolveContext): unknown {
  const where = resource.logicalId;
  if (isRecord(resource.properties.Definition)) return resource.properties.Definition;
  const uri = resolveOptionalText(resource.properties.DefinitionUri, ctx, `${where}.DefinitionUri`);
  if (uri === undefined) {
    throw new Error(`${where} needs a Definition or a local DefinitionUri file`);
  }
  const file = resolve(baseDir, uri);
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
}
