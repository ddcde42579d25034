import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignGraphJsonSchema } from './json-schema';

describe('campaign-graph.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npm run schema -w @loa/engine)', () => {
    const file = join(__dirname, '..', '..', 'campaign-graph.schema.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(campaignGraphJsonSchema());
  });
});
