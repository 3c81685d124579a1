// The list of public rooms anyone may join, filtered by name and topic as the person types.

import { SignedOut, queryString } from 'parley/api';
import { button, element } from 'parley/dom';

const FILTER_AFTER_MS = 250; // a pause in typing, so that every key does not cost a request

export class ChannelBrowser {
  #ui;
  #api;
  #actions;
  #count = 0;      // bumped by each load, so a slow earlier answer cannot overwrite a later one
  #filterTimer = 0;

  /** @param actions {join(roomId) -> Promise, open(roomId)} */
  constructor(ui, api, actions) {
    this.#ui = ui;
    this.#api = api;
    this.#actions = actions;
    ui.browseChannels.addEventListener('click', () => (this.isOpen() ? this.close() : this.open()));
    ui.closeChannelBrowser.addEventListener('click', () => this.close());
    ui.channelFilter.addEventListener('input', () => {
      clearTimeout(this.#filterTimer);
      this.#filterTimer = setTimeout(() => this.#load(), FILTER_AFTER_MS);
    });
    ui.channelArchived.addEventListener('change', () => this.#load());
  }

  isOpen() {
    return !this.#ui.channelBrowser.hidden;
  }

  open() {
    this.#ui.channelBrowser.hidden = false;
    this.#ui.browseChannels.ariaExpanded = 'true';
    this.#ui.channelFilter.focus();
    return this.#load();
  }

  close() {
    this.#count += 1;
    this.#ui.channelBrowser.hidden = true;
    this.#ui.browseChannels.ariaExpanded = 'false';
  }

  async #load() {
    const ui = this.#ui;
    const load = ++this.#count;
    const q = ui.channelFilter.value.trim();
    ui.channelStatus.textContent = 'Looking…';
    let channels;
    try {
      channels = await this.#api(`api/channels?${queryString({ q, archived: ui.channelArchived.checked || undefined })}`);
    } catch (error) {
      if (load === this.#count && !(error instanceof SignedOut)) ui.channelStatus.textContent = error.message;
      return;
    }
    if (load !== this.#count) return;
    ui.channelList.replaceChildren(...channels.map(channel => this.#entry(channel)));
    ui.channelStatus.textContent = channels.length ? ''
      : q ? `No public room matches “${q}”.` : 'There are no public rooms yet.';
  }

  #entry(channel) {
    const item = element('li', 'channel');
    item.dataset.room = channel.id;
    const people = channel.memberCount === 1 ? '1 member' : `${channel.memberCount} members`;
    const about = [people, channel.archived ? 'archived' : null, channel.topic].filter(Boolean).join(' · ');
    const name = element('span', 'channel-name', `# ${channel.name}`);
    const details = element('span', 'channel-about', about);
    name.title = channel.name;
    details.title = about;
    item.append(name, details);
    if (channel.member) {
      const open = button('button button-quiet open-channel', 'Open');
      open.addEventListener('click', () => {
        this.close();
        this.#actions.open(channel.id);
      });
      item.append(open);
    } else if (!channel.archived) {
      const join = button('button join-channel', 'Join');
      join.ariaLabel = `Join ${channel.name}`;
      join.addEventListener('click', async () => {
        join.disabled = true;
        try {
          await this.#actions.join(channel.id);
          this.close();
        } catch (error) {
          join.disabled = false;
          if (!(error instanceof SignedOut)) this.#ui.channelStatus.textContent = error.message;
        }
      });
      item.append(join);
    }
    return item;
  }
}
