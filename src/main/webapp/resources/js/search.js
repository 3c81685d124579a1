// The search panel: results newest first, a page at a time, each opening its conversation around the hit.

import { SignedOut, queryString } from 'parley/api';
import { button, dateAndTime, element, onSubmit, personName, setTime } from 'parley/dom';

const PAGE_SIZE = 20;

export class SearchPanel {
  #ui;
  #store;
  #api;
  #openHit;
  #narrowScreen;
  #query = '';
  #count = 0; // bumped by each new search, so late pages of an older one are dropped

  /** @param openHit (roomId, messageId, thread?) -> opens the conversation there (and the thread of a reply) */
  constructor(ui, store, api, narrowScreen, openHit) {
    this.#ui = ui;
    this.#store = store;
    this.#api = api;
    this.#narrowScreen = narrowScreen;
    this.#openHit = openHit;
    onSubmit(ui.searchForm, () => this.#start());
    ui.searchMore.addEventListener('click', () => this.#loadPage());
    ui.closeSearch.addEventListener('click', () => this.close());
  }

  isOpen() {
    return !this.#ui.searchResults.hidden;
  }

  close() {
    this.#count += 1;
    this.#ui.searchResults.hidden = true;
    this.#ui.searchHits.replaceChildren();
    this.#ui.searchStatus.textContent = '';
  }

  /** Keeps a result that is on screen in step with edits and deletions (body null: deleted). */
  update(id, body) {
    const hit = this.#ui.searchHits.querySelector(`li.search-hit[data-id="${id}"]`);
    if (!hit) return;
    hit.classList.toggle('deleted', body === null);
    hit.querySelector('.search-hit-body').textContent = body ?? 'This message was deleted';
  }

  async #start() {
    const query = this.#ui.searchInput.value.trim();
    if (!query) return;
    this.#query = query;
    this.#count += 1;
    this.#ui.searchHits.replaceChildren();
    this.#ui.searchResults.hidden = false;
    await this.#loadPage();
  }

  // Results come newest first, so the next page is the one before the last hit shown.
  async #loadPage() {
    const ui = this.#ui;
    const search = this.#count;
    const before = ui.searchHits.lastElementChild?.dataset.id;
    ui.searchMore.hidden = true;
    ui.searchStatus.textContent = 'Searching…';
    let hits;
    try {
      hits = await this.#api(`api/search?${queryString({ q: this.#query, before, limit: PAGE_SIZE })}`);
    } catch (error) {
      if (search === this.#count && !(error instanceof SignedOut)) ui.searchStatus.textContent = error.message;
      return;
    }
    if (search !== this.#count) return;
    ui.searchHits.append(...hits.map(hit => this.#hitElement(hit)));
    ui.searchMore.hidden = hits.length < PAGE_SIZE;
    ui.searchStatus.textContent = ui.searchHits.children.length ? '' : `Nothing matches “${this.#query}”.`;
  }

  #hitElement(hit) {
    const room = this.#store.room(hit.room);
    const time = document.createElement('time');
    setTime(time, hit.sentAt, dateAndTime);
    const open = button('search-hit-open');
    open.append(element('span', 'search-hit-room', room ? this.#store.title(room) : 'Another conversation'),
      personName(this.#store, 'search-hit-sender', hit.sender), time,
      element('span', 'search-hit-body', hit.body));
    open.addEventListener('click', () => {
      // On a phone the panel covers the conversation the hit opens.
      if (this.#narrowScreen.matches) this.close();
      this.#openHit(hit.room, hit.id, hit.thread);
    });
    const item = element('li', 'search-hit');
    item.dataset.id = hit.id;
    item.dataset.room = hit.room;
    item.append(open);
    return item;
  }
}
