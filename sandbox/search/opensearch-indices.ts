// The indices and aliases of the local OpenSearch endpoint: one SearchEngine
// per index, with the fields its mappings declare, the documents' `_source`
// as written, and their versions (external versioning, tombstones included)
// so that an older write is refused with a version conflict as on OpenSearch.
import type {
  SearchFieldType,
  SearchIndexField,
} from '../../layers/domain/src/search/search-index-fields';
import { indexNotFound, OpenSearchError } from './opensearch-errors';
import { DocumentError, SearchEngine } from './search-engine';

type Json = Record<string, unknown>;

export interface LocalIndex {
  name: string;
  mappings: Json;
  settings: Json;
  engine: SearchEngine;
  sources: Map<string, Json>;
  /** Per document id: the last version written, also after a delete (the tombstone). */
  versions: Map<string, number>;
}

export interface WriteOperation {
  action: 'index' | 'delete';
  index: string;
  id: string;
  version?: number;
  versionType?: string;
  source?: Json;
}

export interface WriteResult {
  _index: string;
  _id: string;
  _version?: number;
  result?: string;
  status: number;
  error?: { type: string; reason: string };
}

const FIELD_TYPES: Record<string, SearchFieldType> = {
  keyword: 'literal-array',
  text: 'text',
  date: 'date',
  long: 'int',
  integer: 'int',
};

/** Mapping properties as the engine's field definitions. */
function fieldsOf(mappings: Json): SearchIndexField[] {
  const properties = (mappings.properties ?? {}) as Record<string, { type?: string }>;
  return Object.entries(properties).map(([name, property]) => {
    const type = FIELD_TYPES[property.type ?? ''];
    if (!type) {
      throw new OpenSearchError(
        400,
        'mapper_parsing_exception',
        `No handler for type [${String(property.type)}] declared on field [${name}] (locally)`,
      );
    }
    return {
      name,
      type,
      search: true,
      return: true,
      sort: type !== 'text',
      highlight: type === 'text',
    };
  });
}

export class LocalIndices {
  private readonly indices = new Map<string, LocalIndex>();
  private readonly aliases = new Map<string, Set<string>>();

  create(name: string, body: Json): void {
    if (this.indices.has(name) || this.aliases.has(name)) {
      throw new OpenSearchError(
        400,
        'resource_already_exists_exception',
        `index [${name}] already exists`,
      );
    }
    const mappings = (body.mappings ?? {}) as Json;
    this.indices.set(name, {
      name,
      mappings,
      settings: (body.settings ?? {}) as Json,
      engine: new SearchEngine(fieldsOf(mappings)),
      sources: new Map(),
      versions: new Map(),
    });
  }

  exists(name: string): boolean {
    return this.indices.has(name) || this.aliases.has(name);
  }

  index(name: string): LocalIndex {
    const index = this.indices.get(name);
    if (!index) throw indexNotFound(name);
    return index;
  }

  /** An index, or the indices of an alias. */
  resolve(target: string): LocalIndex[] {
    const aliased = this.aliases.get(target);
    if (aliased) return [...aliased].map((name) => this.index(name));
    return [this.index(target)];
  }

  /** alias → indices, for `GET /_alias/{name}`. */
  aliasTargets(alias: string): string[] {
    return [...(this.aliases.get(alias) ?? [])].sort();
  }

  /** Every action is checked before any is applied: `_aliases` is atomic. */
  updateAliases(actions: { add?: Json; remove?: Json }[]): void {
    const checked = actions.map((action) => {
      const [kind, spec] = Object.entries(action)[0] ?? [];
      const index = String((spec as Json | undefined)?.index ?? '');
      const alias = String((spec as Json | undefined)?.alias ?? '');
      if ((kind !== 'add' && kind !== 'remove') || !index || !alias) {
        throw new OpenSearchError(
          400,
          'illegal_argument_exception',
          'each action needs add or remove with index and alias',
        );
      }
      this.index(index);
      if (this.indices.has(alias)) {
        throw new OpenSearchError(
          400,
          'invalid_alias_name_exception',
          `Invalid alias name [${alias}]: an index exists with the same name as the alias`,
        );
      }
      if (kind === 'remove' && !this.aliases.get(alias)?.has(index)) {
        throw new OpenSearchError(404, 'aliases_not_found_exception', `aliases [${alias}] missing`);
      }
      return { kind, index, alias };
    });
    for (const { kind, index, alias } of checked) {
      const targets = this.aliases.get(alias) ?? new Set<string>();
      if (kind === 'add') targets.add(index);
      else targets.delete(index);
      if (targets.size > 0) this.aliases.set(alias, targets);
      else this.aliases.delete(alias);
    }
  }

  write(operation: WriteOperation): WriteResult {
    const base = { _index: operation.index, _id: operation.id };
    try {
      const index = this.writeTarget(operation.index);
      const current = index.versions.get(operation.id);
      const version = this.nextVersion(operation, current);
      const existed = index.sources.has(operation.id);
      if (operation.action === 'index') {
        index.engine.apply([{ type: 'add', id: operation.id, fields: operation.source ?? {} }]);
        index.sources.set(operation.id, operation.source ?? {});
        index.versions.set(operation.id, version);
        return {
          ...base,
          _index: index.name,
          _version: version,
          result: existed ? 'updated' : 'created',
          status: existed ? 200 : 201,
        };
      }
      index.engine.apply([{ type: 'delete', id: operation.id }]);
      index.sources.delete(operation.id);
      index.versions.set(operation.id, version);
      return {
        ...base,
        _index: index.name,
        _version: version,
        result: existed ? 'deleted' : 'not_found',
        status: existed ? 200 : 404,
      };
    } catch (error) {
      if (error instanceof OpenSearchError) {
        return {
          ...base,
          status: error.status,
          error: { type: error.type, reason: error.message },
        };
      }
      if (error instanceof DocumentError) {
        return {
          ...base,
          status: 400,
          error: { type: 'strict_dynamic_mapping_exception', reason: error.message },
        };
      }
      throw error;
    }
  }

  /** Writes through an alias go to its one index, as with OpenSearch's write index. */
  private writeTarget(target: string): LocalIndex {
    const indices = this.resolve(target);
    if (indices.length !== 1) {
      throw new OpenSearchError(
        400,
        'illegal_argument_exception',
        `no write index is defined for alias [${target}]`,
      );
    }
    return indices[0] as LocalIndex;
  }

  private nextVersion(operation: WriteOperation, current: number | undefined): number {
    if (operation.versionType !== 'external') return (current ?? 0) + 1;
    const version = operation.version;
    if (version === undefined || !Number.isInteger(version) || version < 0) {
      throw new OpenSearchError(
        400,
        'action_request_validation_exception',
        'Validation Failed: 1: illegal version value for version type [EXTERNAL];',
      );
    }
    if (current !== undefined && version <= current) {
      throw new OpenSearchError(
        409,
        'version_conflict_engine_exception',
        `[${operation.id}]: version conflict, current version [${current}] is higher or equal to the one provided [${version}]`,
      );
    }
    return version;
  }
}
