import { randomUUID } from 'node:crypto';
import { CloudSearchIndex } from '../../../layers/domain/src/search/cloudsearch-index';
import { createOpenSearchClient } from '../../../layers/domain/src/search/opensearch-client';
import { OpenSearchIndex } from '../../../layers/domain/src/search/opensearch-index';
import type { Item } from '../../../layers/domain/src/items/item';
import { CursorCodec } from '../../../layers/domain/src/pagination/cursor';
import { fixedCursorKeys } from '../../../layers/domain/src/pagination/cursor-keys';
import { searchDocumentOf } from '../../../layers/domain/src/search/search-document';
import type { IndexChange, SearchIndex } from '../../../layers/domain/src/search/search-index';
import { SearchOperations } from '../../../layers/domain/src/search/search-operations';
import { parseSearchParameters } from '../../../layers/domain/src/search/search-parameters';
import { startSearchServer, type SearchServer } from '../../../sandbox/search/search-server';

// One contract for every SearchIndex adapter, each against the local endpoint
// of its protocol: what docs/api.md and the search API promise, whatever engine
// the template chose. A new adapter joins the table below.

interface Engine {
  name: string;
  connect(endpoint: string): SearchIndex;
  /** Keeps the newest version whatever order changes arrive in (external versioning). */
  ordersByVersion: boolean;
}

const engines: Engine[] = [
  {
    name: 'OpenSearch',
    connect: (endpoint) =>
      new OpenSearchIndex(createOpenSearchClient({ endpoint, region: 'us-east-1' }), {
        alias: 'items',
      }),
    ordersByVersion: true,
  },
  {
    name: 'CloudSearch',
    connect: (endpoint) => new CloudSearchIndex({ document: endpoint, search: endpoint }),
    // Relies on the stream's order per item (dynamodb-stream-indexer.ts).
    ordersByVersion: false,
  },
];

const word = () => `w${randomUUID().replaceAll('-', '')}`;
let clock = Date.parse('2026-06-01T00:00:00.000Z');

function item(ownerId: string, fields: Partial<Item> = {}): Item {
  const at = new Date((clock += 1000)).toISOString();
  return {
    id: `I${randomUUID().replaceAll('-', '').slice(0, 25).toUpperCase()}`,
    ownerId,
    title: 'Untitled',
    body: '',
    tags: [],
    visibility: 'public',
    data: {},
    mediaIds: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...fields,
  };
}

const upsert = (value: Item): IndexChange => ({
  type: 'upsert',
  document: searchDocumentOf(value),
});
const remove = (value: Item): IndexChange => ({
  type: 'delete',
  id: value.id,
  version: value.version,
});

describe.each(engines)('SearchIndex contract: $name', (engine) => {
  let server: SearchServer;
  let index: SearchIndex;
  let search: SearchOperations;

  beforeAll(async () => {
    server = await startSearchServer({ port: 0 });
    index = engine.connect(server.endpoint);
    search = new SearchOperations(
      index,
      new CursorCodec(fixedCursorKeys('contract-suite-signing-key-32-chars!')),
    );
  });

  afterAll(async () => {
    await server.stop();
  });

  const find = (viewer: string, query: string, cursor?: string) =>
    search.search(viewer, {
      ...parseSearchParameters(new URLSearchParams(query)),
      ...(cursor !== undefined && { cursor }),
    });

  async function allPages(viewer: string, query: string) {
    const pages = [await find(viewer, query)];
    for (let last = pages[0]; last?.nextCursor; last = pages.at(-1)) {
      pages.push(await find(viewer, query, last.nextCursor));
    }
    return pages;
  }

  const ids = (page: { items: { id: string }[] }) => page.items.map((hit) => hit.id);

  it("shows public items and the viewer's own private ones on every page, never another user's private item", async () => {
    const w = word();
    const alicePublic = [1, 2, 3].map(() => item('alice', { title: w }));
    const alicePrivate = [1, 2].map(() => item('alice', { title: w, visibility: 'private' }));
    const bobOwn = [item('bob', { title: w, visibility: 'private' }), item('bob', { title: w })];
    await index.apply([...alicePublic, ...alicePrivate, ...bobOwn].map(upsert));

    const pages = await allPages('bob', `q=${w}&limit=2`);

    const seen = pages.flatMap(ids);
    expect(seen.sort()).toEqual([...alicePublic, ...bobOwn].map((i) => i.id).sort());
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('filters by every given tag and by owner, the visibility filter still applied', async () => {
    const w = word();
    const both = item('alice', { title: w, tags: ['red', 'big'] });
    const red = item('alice', { title: w, tags: ['red'] });
    const hidden = item('carol', { title: w, tags: ['red', 'big'], visibility: 'private' });
    const bobs = item('bob', { title: w, tags: ['red', 'big'] });
    await index.apply([both, red, hidden, bobs].map(upsert));

    const tagged = await find('alice', `q=${w}&tags=red,big`);
    const owned = await find('alice', `tags=red,big&owner=carol`);
    const byOwner = await find('alice', `q=${w}&owner=bob`);

    expect(ids(tagged).sort()).toEqual([both.id, bobs.id].sort());
    expect(owned).toMatchObject({ items: [], total: 0 });
    expect(ids(byOwner)).toEqual([bobs.id]);
  });

  it('requires every term of q, in title, tags or body', async () => {
    const [a, b] = [word(), word()];
    const inTitleAndBody = item('alice', { title: a, body: b });
    const inTags = item('alice', { title: 'Other', tags: [a, b] });
    const onlyOne = item('alice', { title: a });
    await index.apply([inTitleAndBody, inTags, onlyOne].map(upsert));

    const page = await find('bob', `q=${a} ${b}`);

    expect(ids(page).sort()).toEqual([inTitleAndBody.id, inTags.id].sort());
  });

  it('lists the newest visible items first when only filters are given', async () => {
    const tag = word();
    const older = item('alice', { tags: [tag] });
    const newer = item('alice', { tags: [tag] });
    await index.apply([older, newer].map(upsert));

    expect(ids(await find('bob', `tags=${tag}`))).toEqual([newer.id, older.id]);
  });

  it('pages with cursors bound to the caller and the search', async () => {
    const w = word();
    await index.apply([1, 2, 3].map(() => upsert(item('alice', { title: w }))));
    const first = await find('bob', `q=${w}&limit=2`);

    const foreign = find('carol', `q=${w}&limit=2`, first.nextCursor ?? '');
    const otherSearch = find('bob', `q=${w}x&limit=2`, first.nextCursor ?? '');

    await expect(foreign).rejects.toMatchObject({ status: 400 });
    await expect(otherSearch).rejects.toMatchObject({ status: 400 });
  });

  it('marks matches in an HTML-escaped snippet of the body, else of the title', async () => {
    const w = word();
    const inBody = item('alice', {
      title: 'Bicycle',
      body: `A <b>red</b> bicycle, ${w}, barely used.`,
    });
    const inTitle = item('alice', { title: `Lamp ${w}`, body: 'Fits <any> room & desk.' });
    await index.apply([inBody, inTitle].map(upsert));

    const page = await find('bob', `q=${w}`);

    const snippet = (id: string) => page.items.find((hit) => hit.id === id)?.snippet;
    expect(snippet(inBody.id)).toBe(
      `A &lt;b&gt;red&lt;/b&gt; bicycle, <em>${w}</em>, barely used.`,
    );
    expect(snippet(inTitle.id)).toBe(`Lamp <em>${w}</em>`);
  });

  it('returns the hit fields of docs/api.md', async () => {
    const w = word();
    const value = item('alice', { title: `Chair ${w}`, tags: ['wood'] });
    await index.apply([upsert(value)]);

    const [hit] = (await find('bob', `q=${w}`)).items;

    expect(hit).toEqual({
      id: value.id,
      ownerId: 'alice',
      title: value.title,
      snippet: `Chair <em>${w}</em>`,
      tags: ['wood'],
      visibility: 'public',
      updatedAt: value.updatedAt,
      score: expect.any(Number),
    });
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('no longer finds a deleted item, nor one made private, for anyone but its owner', async () => {
    const w = word();
    const deleted = item('alice', { title: w });
    const hidden = item('alice', { title: w });
    await index.apply([deleted, hidden].map(upsert));

    await index.apply([remove(deleted), upsert({ ...hidden, visibility: 'private', version: 2 })]);

    expect(await find('bob', `q=${w}`)).toMatchObject({ items: [], total: 0, nextCursor: null });
    expect(ids(await find('alice', `q=${w}`))).toEqual([hidden.id]);
  });

  it("keeps the newest version when the stream's changes are replayed in order", async () => {
    const [before, after] = [word(), word()];
    const first = item('alice', { title: before });
    const changes = [upsert(first), upsert({ ...first, title: after, version: 2 })];
    await index.apply(changes.slice(0, 1));
    await index.apply(changes.slice(1));

    await index.apply(changes.slice(0, 1));
    await index.apply(changes.slice(1));

    expect(ids(await find('bob', `q=${after}`))).toEqual([first.id]);
    expect(ids(await find('bob', `q=${before}`))).toEqual([]);
  });

  (engine.ordersByVersion ? it : it.skip)(
    'never lets an older change overwrite a newer one, nor bring back a deleted item',
    async () => {
      const [before, after] = [word(), word()];
      const renamed = item('alice', { title: before });
      const deleted = item('alice', { title: after });
      await index.apply([upsert({ ...renamed, title: after, version: 2 }), upsert(deleted)]);
      await index.apply([remove(deleted)]);

      await index.apply([upsert(renamed), upsert(deleted)]);

      expect(ids(await find('bob', `q=${after}`))).toEqual([renamed.id]);
      expect(ids(await find('bob', `q=${before}`))).toEqual([]);
    },
  );
});

describe('OpenSearchIndex on a domain where nothing was indexed yet', () => {
  let server: SearchServer;
  const connect = () =>
    new OpenSearchIndex(
      createOpenSearchClient({ endpoint: server.endpoint, region: 'us-east-1' }),
      {
        alias: 'items',
      },
    );

  beforeEach(async () => {
    server = await startSearchServer({ port: 0 });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('answers a search with no results rather than an error', async () => {
    const results = await connect().search({
      viewerId: 'v',
      text: 'x',
      tags: [],
      size: 5,
      start: 0,
    });

    expect(results).toEqual({ hits: [], found: 0 });
  });

  it('creates the versioned index and its alias once when two cold starts race', async () => {
    const value = item('alice', { title: word() });

    await Promise.all([connect().apply([upsert(value)]), connect().apply([upsert(value)])]);

    expect(server.indices.aliasTargets('items')).toEqual(['items-v1']);
    expect(
      (await connect().search({ viewerId: 'v', text: value.title, tags: [], size: 5, start: 0 }))
        .found,
    ).toBe(1);
  });
});
