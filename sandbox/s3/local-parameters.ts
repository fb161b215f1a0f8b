// Template parameters the sandbox sets unless the user does: a local run has
// no CloudFront in front of the media bucket, so ready media are served as
// presigned GETs of the local S3 endpoint (see MediaDelivery in template.yaml).
const localDefaults: Record<string, string> = { MediaDelivery: 'presigned' };

/** Local values for the parameters the template declares and the user did not override. */
export function localMediaParameters(
  declared: Record<string, string>,
  overrides: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(localDefaults).filter(([name]) => name in declared && !(name in overrides)),
  );
}
