// The sidebar: conversations by last activity, people with their presence, unread badges, the new-room form,
// and on phones the menu it becomes. It renders the store; what a click means is the page's business.

import { avatarElement, button, element, onSubmit, personName } from 'parley/dom';
import { showUnreadInTitle } from 'parley/attention';
import { SignedOut } from 'parley/api';

export class Sidebar {
  #ui;
  #app;
  #store;
  #actions;
  // The entry clicked last ('room:<id>' or 'user:<name>'): a slower, earlier click must not win.
  selection = null;

  /**
   * @param actions {openRoom(id), openPerson(username), createRoom({name, members, topic, visibility}) -> Promise<room>,
   *   openRoomId() -> the room on screen}
   */
  constructor(ui, app, store, actions) {
    this.#ui = ui;
    this.#app = app;
    this.#store = store;
    this.#actions = actions;
    ui.menuButton.addEventListener('click', () => this.setMenuOpen(!this.isMenuOpen()));
    ui.newRoomButton.addEventListener('click', () => (ui.newRoomForm.hidden ? this.openNewRoomForm() : this.closeNewRoomForm()));
    ui.cancelNewRoom.addEventListener('click', () => this.closeNewRoomForm());
    onSubmit(ui.newRoomForm, () => this.#createRoom());
  }

  /** The key that selects a room's entry: a private conversation is selected through its person. */
  static keyOf(store, room) {
    return room.kind === 'group' ? `room:${room.id}` : `user:${store.peerOf(room)}`;
  }

  select(key) {
    this.selection = key;
    this.refresh();
  }

  // Moving an entry takes the keyboard focus off it, so the list is rebuilt only when its order changed.
  renderRooms() {
    const list = this.#ui.roomList;
    const entries = this.#store.listedRooms(this.#actions.openRoomId())
      .map(room => list.querySelector(`li[data-room="${CSS.escape(room.id)}"]`) ?? this.#roomEntry(room));
    const current = [...list.children];
    if (entries.length !== current.length || entries.some((entry, i) => entry !== current[i])) {
      list.replaceChildren(...entries);
    }
    this.refresh();
  }

  renderPeople() {
    this.#ui.userList.replaceChildren(...this.#store.others().map(username => this.#personEntry(username)));
    this.renderRooms();
  }

  // Entries are updated in place rather than rebuilt, so focus and hover survive live updates.
  // Screen readers get each entry's state in its label, since the dots and badges are pictures.
  refresh() {
    const store = this.#store;
    for (const entry of this.#ui.userList.querySelectorAll('button.user')) {
      const username = entry.dataset.username;
      const room = store.directRoomWith(username);
      this.#showPresence(entry, username);
      entry.querySelector('.user-status').textContent = store.status(username) ?? '';
      showBadge(entry, store.unread(room), store.mentions(room));
      entry.ariaLabel = this.#label(store.displayName(username), username, store.unread(room), store.mentions(room));
      entry.ariaCurrent = this.#isSelected(`user:${username}`, room) ? 'true' : null;
    }
    for (const entry of this.#ui.roomList.querySelectorAll('button.room')) {
      const room = store.room(entry.dataset.room);
      if (!room) continue;
      const peer = room.kind === 'direct' ? store.peerOf(room) : undefined;
      entry.querySelector('.room-name').textContent = store.title(room);
      if (peer) this.#showPresence(entry, peer);
      showBadge(entry, store.unread(room.id), store.mentions(room.id));
      entry.classList.toggle('muted', store.notifications(room.id) === 'muted');
      entry.ariaLabel = this.#label(store.title(room), peer, store.unread(room.id), store.mentions(room.id));
      entry.ariaCurrent = this.#isSelected(peer ? `user:${peer}` : null, room.id) ? 'true' : null;
    }
    showUnreadInTitle(store.totalUnread());
  }

  #roomEntry(room) {
    const entry = button('room');
    entry.dataset.room = room.id;
    entry.dataset.kind = room.kind;
    if (room.visibility) entry.dataset.visibility = room.visibility;
    const marker = room.kind === 'group' ? element('span', 'room-icon', '#') : element('span', 'presence');
    marker.ariaHidden = 'true';
    entry.append(marker, element('span', 'entry-name room-name'), element('span', 'mention-badge'), element('span', 'badge'));
    if (room.kind === 'direct') entry.dataset.username = this.#store.peerOf(room);
    entry.addEventListener('click', () => this.#actions.openRoom(room.id));
    const item = element('li', 'room-item');
    item.dataset.room = room.id;
    item.append(entry);
    if (room.kind === 'direct') {
      const hide = button('hide-room', '×');
      hide.title = 'Hide until a new message arrives';
      hide.ariaLabel = `Hide the conversation with ${this.#store.title(room)}`;
      hide.addEventListener('click', () => this.#actions.hideRoom(room.id));
      item.append(hide);
    }
    return item;
  }

  #personEntry(username) {
    const entry = button('user');
    entry.dataset.username = username;
    const presence = element('span', 'presence');
    presence.ariaHidden = 'true';
    const name = personName(this.#store, 'entry-name user-name', username);
    name.append(element('span', 'user-status'));
    entry.append(presence, avatarElement(this.#store, username), name, element('span', 'mention-badge'),
      element('span', 'badge'));
    entry.addEventListener('click', () => this.#actions.openPerson(username));
    const item = element('li', 'user-item');
    item.append(entry);
    return item;
  }

  #isSelected(personKey, roomId) {
    return this.selection !== null && (this.selection === personKey || this.selection === `room:${roomId}`);
  }

  #showPresence(entry, username) {
    const online = this.#store.isOnline(username);
    const presence = entry.querySelector('.presence');
    presence.className = `presence ${online ? 'online' : 'offline'}`;
    presence.title = online ? 'online' : 'offline';
  }

  #label(name, person, count, mentions) {
    const parts = [name];
    if (person) parts.push(this.#store.isOnline(person) ? 'online' : 'offline');
    if (count) parts.push(`${count} unread`);
    if (mentions) parts.push(mentions === 1 ? '1 mention' : `${mentions} mentions`);
    return parts.join(', ');
  }

  // ---- On phones the sidebar is a menu ----

  isMenuOpen() {
    return this.#app.dataset.menu === 'open';
  }

  setMenuOpen(open) {
    this.#app.dataset.menu = open ? 'open' : 'closed';
    this.#ui.menuButton.ariaExpanded = String(open);
    if (open) this.#ui.sidebar.querySelector('button[aria-current="true"], button')?.focus();
  }

  // ---- New room form ----

  isNewRoomFormOpen() {
    return !this.#ui.newRoomForm.hidden;
  }

  openNewRoomForm() {
    const ui = this.#ui;
    ui.newRoomName.value = '';
    ui.newRoomTopic.value = '';
    ui.newRoomPublic.checked = false;
    ui.newRoomError.textContent = '';
    ui.newRoomMembers.replaceChildren(...this.#store.others().map(username => this.#memberChoice(username)));
    ui.newRoomForm.hidden = false;
    ui.newRoomButton.ariaExpanded = 'true';
    ui.newRoomName.focus();
  }

  closeNewRoomForm() {
    this.#ui.newRoomForm.hidden = true;
    this.#ui.newRoomButton.ariaExpanded = 'false';
  }

  #memberChoice(username) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'member';
    box.value = username;
    const label = element('label', 'member-choice');
    label.append(box, element('span', 'member-choice-name', this.#store.displayName(username)));
    return label;
  }

  async #createRoom() {
    const ui = this.#ui;
    const name = ui.newRoomName.value.trim();
    const members = [...ui.newRoomMembers.querySelectorAll('input:checked')].map(box => box.value);
    const topic = ui.newRoomTopic.value.trim();
    const visibility = ui.newRoomPublic.checked ? 'public' : 'private';
    try {
      if (!name) throw new Error('A room needs a name.');
      const room = await this.#actions.createRoom({ name, members, topic, visibility });
      this.closeNewRoomForm();
      this.#actions.openRoom(room.id);
    } catch (error) {
      if (!(error instanceof SignedOut)) ui.newRoomError.textContent = error.message;
    }
  }
}

// The unread count, and beside it "@2" when two of them call on us.
function showBadge(entry, count = 0, mentions = 0) {
  const badge = entry.querySelector('.badge');
  badge.textContent = count;
  badge.title = `${count} unread`;
  badge.hidden = count === 0;
  const mentioned = entry.querySelector('.mention-badge');
  mentioned.textContent = `@${mentions}`;
  mentioned.title = mentions === 1 ? '1 mention' : `${mentions} mentions`;
  mentioned.hidden = mentions === 0;
}
