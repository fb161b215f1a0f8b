import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from 'prettier';
import { recordResults } from '../../../bench/lib/results';

describe('bench/RESULTS.md', () => {
  it('is written as Prettier formats it, whatever a benchmark hands in', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'results-')), 'RESULTS.md');
    writeFileSync(file, '# Benchmark results\n\n## other\n\nkept\n');

    await recordResults('fresh', '| a | b |\n|---|---|\n| 1 | 22222 |\n\n\n* item', file);

    const text = readFileSync(file, 'utf8');
    expect(text).toContain('kept');
    expect(text).toContain('## fresh');
    await expect(check(text, { filepath: file })).resolves.toBe(true);
  });
});
