// The parsed template kept between starts: parsing template.yaml's 2,800
// lines with the CloudFormation tags takes 0.1-0.3 s of the main thread while
// DynamoDB Local boots; its JSON reads back in about 1 ms. A cache entry is
// used only for the same text, the same tag handling and the same
// dependencies (the lockfile, which pins the yaml package).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockfileDigest } from '../lockfile-digest';
import { writeWholeSync } from '../write-whole';

const TAG_HANDLING = join(process.cwd(), 'sandbox', 'template', 'cloudformation-yaml.ts');

function keyOf(text: string): string | undefined {
  const dependencies = lockfileDigest();
  if (dependencies === undefined) return undefined;
  try {
    return createHash('sha256')
      .update(text)
      .update(readFileSync(TAG_HANDLING))
      .update(dependencies)
      .digest('base64url');
  } catch {
    // Without them nothing says a cached document is still what a parse would give.
    return undefined;
  }
}

/** The cached document of this text, or the parsed one, cached for the next start. */
export function cachedDocument(cacheFile: string, text: string, parse: () => unknown): unknown {
  const key = keyOf(text);
  if (key === undefined) return parse();
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      key: string;
      document: unknown;
    };
    if (cached.key === key) return cached.document;
  } catch {
    // No cache yet, or an unreadable one: parse.
  }
  const document = parse();
  writeWholeSync(cacheFile, JSON.stringify({ key, document }));
  return document;
}
