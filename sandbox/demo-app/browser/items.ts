// My items: create (with a photo, uploaded through the presigned URL), edit
// the title with If-Match, delete; each photo shown once the media is ready.
import type { MobileBackendClient, Schemas } from '../../../client/src/index';
import { byId, element, onClick, status, valueOf } from './dom';

type Item = Schemas['Item'];

/** Own media once processed; another user's through the public item that shows it. */
async function photoUrl(backend: MobileBackendClient, mediaId: string, itemId?: string) {
  if (!itemId) return (await backend.waitForMedia(mediaId)).url;
  const { data } = await backend.api.request('get', '/v1/media/{mediaId}', {
    path: { mediaId },
    query: { item: itemId },
  });
  return data.url;
}

/** An <img> filled in when the media is ready. */
export function photo(backend: MobileBackendClient, mediaId: string, itemId?: string): HTMLElement {
  const image = element('img', undefined, { alt: 'photo' });
  void photoUrl(backend, mediaId, itemId).then((url) => url && image.setAttribute('src', url));
  return image;
}

function itemRow(backend: MobileBackendClient, item: Item, reload: () => Promise<void>) {
  const row = element('li', undefined, { 'data-item-id': item.id });
  const title = element('input', undefined, { type: 'text', value: item.title });
  const save = element('button', 'Save');
  const remove = element('button', 'Delete');
  row.append(title, save, remove, element('div', `${item.visibility} · version ${item.version}`));
  for (const mediaId of item.mediaIds) row.append(photo(backend, mediaId));
  save.addEventListener('click', () => {
    const body = { title: (title as HTMLInputElement).value };
    backend.api
      .request('patch', '/v1/items/{id}', { path: { id: item.id }, body, ifMatch: item.version })
      .then(reload, (error: Error) => status(error.message));
  });
  remove.addEventListener('click', () => {
    backend.api
      .request('delete', '/v1/items/{id}', { path: { id: item.id }, ifMatch: item.version })
      .then(reload, (error: Error) => status(error.message));
  });
  return row;
}

export function setUpItems(backend: MobileBackendClient): () => Promise<void> {
  const reload = async () => {
    const { data } = await backend.api.request('get', '/v1/items');
    byId('item-list').replaceChildren(...data.items.map((item) => itemRow(backend, item, reload)));
  };
  onClick('create-item', async () => {
    const file = byId<HTMLInputElement>('item-photo').files?.[0];
    const mediaIds: string[] = [];
    if (file) {
      const contentType = file.type as Schemas['NewMedia']['contentType'];
      const media = { contentType, size: file.size, fileName: file.name };
      const mediaId = await backend.uploadMedia(file, media);
      status('Photo uploaded: waiting for it to be processed');
      // An item takes only ready media: the processor checks the bytes first.
      const processed = await backend.waitForMedia(mediaId);
      if (processed.status !== 'ready') throw new Error(`The photo was ${processed.status}`);
      mediaIds.push(mediaId);
    }
    const visibility = byId<HTMLInputElement>('item-public').checked ? 'public' : 'private';
    const body = { title: valueOf('item-title'), body: valueOf('item-body'), visibility, mediaIds };
    await backend.api.request('post', '/v1/items', { body: body as Schemas['NewItem'] });
    status('Item created');
    await reload();
  });
  return reload;
}
