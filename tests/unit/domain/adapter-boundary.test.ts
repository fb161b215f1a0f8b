import { ESLint } from 'eslint';

// The repository's own ESLint configuration, run on sample sources at paths
// inside the layer: the rule that keeps SDK and Powertools code in adapters.
const eslint = new ESLint({ cwd: process.cwd() });

const SDK_IMPORT =
  "import { S3Client } from '@aws-sdk/client-s3';\nexport const client = new S3Client({});\n";
const POWERTOOLS_IMPORT =
  "import { BatchProcessor } from '@aws-lambda-powertools/batch';\nexport const batch = BatchProcessor;\n";

async function restrictedImportsAt(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('the adapter boundary of the domain layer', () => {
  it.each([
    ['an operation', 'layers/domain/src/items/item-rules.ts', SDK_IMPORT],
    ['a feature root file', 'layers/domain/src/retry.ts', POWERTOOLS_IMPORT],
    ['a feature entry other than http', 'layers/domain/src/entries/media.ts', SDK_IMPORT],
  ])(
    'refuses an SDK or Powertools import in %s, saying where it goes',
    async (_kind, path, code) => {
      const messages = await restrictedImportsAt(path, code);

      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('adapter named for its technology');
    },
  );

  it.each([
    ['a technology-named adapter', 'layers/domain/src/media/s3-thumbnails.ts'],
    ['an adapters/ folder', 'layers/domain/src/media/adapters/thumbnails.ts'],
    ['a composition root', 'layers/domain/src/apps/media-api.ts'],
    ['the HTTP edge', 'layers/domain/src/http/problem.ts'],
    ['the Powertools setup', 'layers/domain/src/observability.ts'],
  ])('allows them in %s', async (_kind, path) => {
    expect(await restrictedImportsAt(path, SDK_IMPORT)).toEqual([]);
    expect(await restrictedImportsAt(path, POWERTOOLS_IMPORT)).toEqual([]);
  });

  it("refuses a function's import of a feature entry instead of its app", async () => {
    const code =
      "import { createMediaApi } from '@mobile-backend/domain/media';\nexport const api = createMediaApi;\n";

    const messages = await restrictedImportsAt('functions/media-api/handler.ts', code);

    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("'@mobile-backend/domain/apps/<function>'");
  });
});
