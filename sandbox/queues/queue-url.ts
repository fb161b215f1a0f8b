import type { PhysicalResources } from '../template/model';

/** The local URL of the template's queue with this ARN, for a destination that names it by ARN. */
export function queueUrlOf(resources: PhysicalResources, arn: string, role: string): string {
  const queue = Object.values(resources).find((resource) => resource.attributes.Arn === arn);
  const url = queue?.attributes.QueueUrl;
  if (!url) throw new Error(`The ${role} destination ${arn} is not a queue of this template`);
  return url;
}
