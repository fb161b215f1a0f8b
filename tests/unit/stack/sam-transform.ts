// template.yaml as CloudFormation receives it after the SAM transform, from
// the SAM translator that cfn-lint ships (`npm run validate` needs it anyway).
import { spawnSync } from 'node:child_process';

export interface TransformedTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

// cfn-lint's own transform: local CodeUri paths become placeholder S3 URIs and
// the managed policies come from its bundled list, so no AWS call is made.
const TRANSFORM = `
import json, sys
from cfnlint.decode import decode
from cfnlint.template.transforms._sam import Transform
template, matches = decode(sys.argv[1])
if matches:
    sys.exit("\\n".join(str(match) for match in matches))
transform = Transform(sys.argv[1], template, "us-east-1")
failures = transform.transform_template()
if failures:
    sys.exit("\\n".join(str(failure) for failure in failures))
print(json.dumps(transform._template))
`;

export function samTransformed(templatePath: string): TransformedTemplate {
  const result = spawnSync('python3', ['-c', TRANSFORM, templatePath], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    throw new Error(
      `The SAM transform failed (pip install cfn-lint): ${result.error?.message ?? result.stderr}`,
    );
  }
  return JSON.parse(result.stdout) as TransformedTemplate;
}
