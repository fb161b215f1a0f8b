import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCloudFormationYaml } from './cloudformation-yaml';
import { cachedDocument } from './document-cache';
import type { SandboxModel } from './model';
import { LOCAL_PSEUDO_PARAMETERS } from './pseudo-parameters';
import type { PseudoParameters } from './pseudo-parameters';
import { IMPLICIT_REST_API, readFunctions, readLayers } from './read-functions';
import { readRestApis } from './read-rest-apis';
import { readSecrets } from './read-secrets';
import { readStateMachines } from './read-state-machines';
import { readTables } from './read-tables';
import { readUserPools } from './read-user-pools';
import { evaluateCondition } from './resolve';
import type { ResolveContext } from './resolve';
import { isRecord, recordOrEmpty } from './template-document';
import type { TemplateResource } from './template-document';
import { assertParameterValue } from './parameter-constraints';

/** The last document parsed, by its text: the sandbox parses its template twice (local parameter values). */
let lastParsed: { text: string; document: unknown } | undefined;

/** The template's document; a copy, so that no reader sees what another changed. */
function readDocument(templatePath: string, documentCache: string | undefined): unknown {
  const text = readFileSync(templatePath, 'utf8');
  if (lastParsed?.text !== text) {
    const parse = () => parseCloudFormationYaml(text);
    const document = documentCache ? cachedDocument(documentCache, text, parse) : parse();
    lastParsed = { text, document };
  }
  return structuredClone(lastParsed.document);
}

export interface ParseOptions {
  /** A file that keeps the parsed document between runs (see document-cache.ts). */
  documentCache?: string;
}

/**
 * Reads template.yaml into what the sandbox runs. Names, stages and CORS values are resolved
 * from parameters now; values that depend on running resources stay unresolved.
 */
export function parseTemplate(
  templatePath: string,
  parameterOverrides: Record<string, string> = {},
  pseudo: PseudoParameters = LOCAL_PSEUDO_PARAMETERS,
  { documentCache }: ParseOptions = {},
): SandboxModel {
  const document = readDocument(templatePath, documentCache);
  if (!isRecord(document) || !isRecord(document.Resources)) {
    throw new Error(`${templatePath} is not a CloudFormation template (no Resources)`);
  }
  const baseDir = dirname(resolve(templatePath));
  const parameters = readParameters(document.Parameters, parameterOverrides, templatePath);
  const conditions = recordOrEmpty(document.Conditions);
  const mappings = recordOrEmpty(document.Mappings) as SandboxModel['mappings'];
  const ctx: ResolveContext = { parameters, resources: {}, pseudo, conditions, mappings };
  const resources = readResources(document.Resources).filter(
    (resource) =>
      resource.condition === undefined ||
      evaluateCondition(resource.condition, ctx, resource.logicalId),
  );
  const globals = recordOrEmpty(document.Globals);
  const functions = readFunctions(resources, recordOrEmpty(globals.Function), baseDir, ctx);
  const usesImplicitApi = functions.some((fn) =>
    fn.apiEvents.some((event) => event.restApiLogicalId === IMPLICIT_REST_API),
  );
  return {
    parameters,
    tables: readTables(resources, ctx),
    userPools: readUserPools(resources, ctx),
    secrets: readSecrets(resources, ctx),
    layers: readLayers(resources, baseDir, ctx),
    functions,
    restApis: readRestApis(resources, recordOrEmpty(globals.Api), usesImplicitApi, ctx),
    stateMachines: readStateMachines(resources, baseDir, ctx),
    outputs: readOutputs(document.Outputs, ctx),
    resources,
    conditions,
    mappings,
  };
}

function readParameters(
  declared: unknown,
  overrides: Record<string, string>,
  templatePath: string,
): Record<string, string> {
  const declarations = recordOrEmpty(declared);
  const unknown = Object.keys(overrides).filter((name) => !(name in declarations));
  if (unknown.length > 0) {
    throw new Error(`${templatePath} declares no parameter named ${unknown.join(', ')}`);
  }
  const parameters: Record<string, string> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const value = overrides[name] ?? recordOrEmpty(declaration).Default;
    // A parameter without a value is only an error if something refers to it.
    if (value === undefined) continue;
    parameters[name] = Array.isArray(value) ? value.join(',') : String(value);
    assertParameterValue(name, parameters[name], declaration);
  }
  return parameters;
}

function readResources(resources: Record<string, unknown>): TemplateResource[] {
  return Object.entries(resources).map(([logicalId, value]) => {
    const resource = recordOrEmpty(value);
    return {
      logicalId,
      type: String(resource.Type),
      properties: recordOrEmpty(resource.Properties),
      metadata: recordOrEmpty(resource.Metadata),
      ...(typeof resource.Condition === 'string' && { condition: resource.Condition }),
    };
  });
}

function readOutputs(outputs: unknown, ctx: ResolveContext): SandboxModel['outputs'] {
  const result: SandboxModel['outputs'] = {};
  for (const [name, value] of Object.entries(recordOrEmpty(outputs))) {
    const output = recordOrEmpty(value);
    if (
      typeof output.Condition === 'string' &&
      !evaluateCondition(output.Condition, ctx, `output ${name}`)
    )
      continue;
    result[name] = output.Value;
  }
  return result;
}
