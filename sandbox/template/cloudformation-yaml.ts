import { parse } from 'yaml';
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

// Short-form tags and the long-form key each one stands for.
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap',
  Base64: 'Fn::Base64',
  ImportValue: 'Fn::ImportValue',
  GetAZs: 'Fn::GetAZs',
  Cidr: 'Fn::Cidr',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  Transform: 'Fn::Transform',
};

function longForm(name: string, key: string, value: unknown): Record<string, unknown> {
  // `!GetAtt Res.Attr` splits at the first dot: attribute names may contain dots.
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { [key]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [key]: value };
}

function cloudFormationTags(): (ScalarTag | CollectionTag)[] {
  return Object.entries(SHORT_FORMS).flatMap(([name, key]) => {
    const tag = `!${name}`;
    const scalar: ScalarTag = { tag, resolve: (text: string) => longForm(name, key, text) };
    const collection = (kind: 'seq' | 'map'): CollectionTag => ({
      tag,
      collection: kind,
      resolve: (node: YAMLMap.Parsed | YAMLSeq.Parsed) => longForm(name, key, node.toJSON()),
    });
    return [scalar, collection('seq'), collection('map')];
  });
}

/** Parses CloudFormation YAML, turning short-form tags (`!Ref X`) into the long form (`{Ref: X}`). */
export function parseCloudFormationYaml(text: string): unknown {
  return parse(text, { customTags: cloudFormationTags(), prettyErrors: true, strict: true });
}
