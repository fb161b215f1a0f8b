// The AWS Query protocol as @aws-sdk/client-sns speaks it: a form-encoded
// POST with `Action`, `Version` and flattened parameters
// (`Attributes.entry.1.key=Enabled&Attributes.entry.1.value=true`), answered
// with XML: `<ActionResponse><ActionResult>…</ActionResult>…` or an
// `<ErrorResponse>` whose `Code` the SDK maps to its exception class.
import { randomUUID } from 'node:crypto';

export const SNS_XML_NAMESPACE = 'http://sns.amazonaws.com/doc/2010-03-31/';

export interface QueryRequest {
  action: string;
  params: Record<string, string>;
}

/** An SNS error: `code` as SNS sends it (`NotFound`, `EndpointDisabled`, `InvalidParameter`, ...). */
export class QueryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly type: 'Sender' | 'Receiver' = status < 500 ? 'Sender' : 'Receiver',
  ) {
    super(message);
  }
}

export function parseQueryRequest(body: string): QueryRequest {
  const params = Object.fromEntries(new URLSearchParams(body));
  const action = params.Action;
  if (!action) throw new QueryError(400, 'MissingAction', 'The request must name an Action.');
  return { action, params };
}

/** `Attributes.entry.N.key` / `.value` → a record. */
export function attributesOf(
  params: Record<string, string>,
  prefix = 'Attributes',
): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let n = 1; params[`${prefix}.entry.${n}.key`] !== undefined; n++) {
    attributes[params[`${prefix}.entry.${n}.key`] as string] =
      params[`${prefix}.entry.${n}.value`] ?? '';
  }
  return attributes;
}

/**
 * `MessageAttributes.entry.N.Name` / `.Value.StringValue` → a record of the
 * string values (SMS settings such as `AWS.SNS.SMS.SMSType` are strings).
 */
export function messageAttributesOf(params: Record<string, string>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let n = 1; params[`MessageAttributes.entry.${n}.Name`] !== undefined; n++) {
    const value = params[`MessageAttributes.entry.${n}.Value.StringValue`];
    if (value !== undefined) {
      attributes[params[`MessageAttributes.entry.${n}.Name`] as string] = value;
    }
  }
  return attributes;
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** The XML of a result: a string is an element's text, a record a map of `entry` key/value pairs. */
export type ResultValue = string | Record<string, string>;

export function successXml(action: string, result: Record<string, ResultValue> = {}): string {
  const fields = Object.entries(result)
    .map(([name, value]) => {
      if (typeof value === 'string') return `<${name}>${escapeXml(value)}</${name}>`;
      const entries = Object.entries(value)
        .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${escapeXml(v)}</value></entry>`)
        .join('');
      return `<${name}>${entries}</${name}>`;
    })
    .join('');
  return (
    `<${action}Response xmlns="${SNS_XML_NAMESPACE}"><${action}Result>${fields}</${action}Result>` +
    `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function errorXml(error: QueryError): string {
  return (
    `<ErrorResponse xmlns="${SNS_XML_NAMESPACE}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${randomUUID()}</RequestId></ErrorResponse>`
  );
}
