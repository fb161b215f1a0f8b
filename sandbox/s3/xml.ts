// Just enough XML for the few S3 and CloudFront documents the sandbox reads and writes.
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

export function xmlEscape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function xmlUnescape(text: string): string {
  return text.replace(
    /&(amp|lt|gt|quot|apos);|&#(\d+);|&#x([0-9a-f]+);/gi,
    (entity, _n, dec, hex) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : (entities[entity] ?? entity),
  );
}

/** The raw content of every `<tag>` element, in order. */
export function xmlElements(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** The text of every `<tag>` element, in order. */
export function xmlValues(xml: string, tag: string): string[] {
  return xmlElements(xml, tag).map(xmlUnescape);
}

export function s3ErrorXml(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}
