// The conversation on screen: which room is open, loading its history page by page (and around a search hit),
// live messages that belong at the bottom, read markers, the header with the members of a group room, and
// who is typing. The messages themselves are drawn by MessageList.

import { MessageList } from 'parley/message-list';
import { bindMessageActions } from 'parley/message-actions';
import { SignedOut, roomPath } from 'parley/api';
import { button, element, nameList, personName } from 'parley/dom';

const PAGE_SIZE = 50;
const CONTEXT_SIZE = 25;          // messages loaded on each side of a search hit
const LOAD_OLDER_WITHIN_PX = 300; // scrolling this close to the top loads the page before
const TYPING_SHOW_MS = 4_000;

export class Conversation {
  #ui;
  #app;
  #store;
  #api;
  #connection;
  #sidebar;
  #composer;
  #narrowScreen;
  #failed;
  #changed;
  #openThread;
  #noRoomTitle;
  list;

  room = null;          // id of the conversation on screen
  #atLatest = false;    // the list ends at the room's newest message, so live messages may be appended
  #heldBack = [];       // live messages that arrived while the list did not reach the newest
  #loadCount = 0;       // bumped by each page load, so a slow earlier load cannot overwrite a later one
  #newBelow = 0;        // others' messages that arrived below the screen while the reader was scrolled up
  #olderLoad = null;    // the page of older messages being loaded, so scrolling asks for it once
  #typists = new Map(); // username -> timer that ends their "is typing"
  #loaded = false;      // the room's messages are on screen: it may be written to, unless it is archived

  /**
   * @param failed (error) -> shows what went wrong
   * @param changed ({room, id, body?, editedAt?} or {room, id, deleted: true}) -> an edit or deletion of ours
   *   to show wherever the message is
   * @param openThread (roomId, messageId) -> shows the thread a message starts
   */
  constructor({ ui, app, store, api, connection, sidebar, composer, narrowScreen, failed, changed, openThread }) {
    this.#ui = ui;
    this.#app = app;
    this.#store = store;
    this.#api = api;
    this.#connection = connection;
    this.#sidebar = sidebar;
    this.#composer = composer;
    this.#narrowScreen = narrowScreen;
    this.#failed = failed;
    this.#changed = changed;
    this.#openThread = openThread;
    this.#noRoomTitle = ui.title.textContent;
    this.list = new MessageList(ui.messages, ui.scroller, store, { threads: true });
    this.#bind();
  }

  // ---- Opening and closing ----

  /** Opens a room at its newest messages, or around one message (a search hit). */
  async open(roomId, aroundId) {
    this.#enter(roomId);
    await (aroundId === undefined ? this.#showLatest() : this.#showAround(aroundId));
    if (this.room !== roomId) return;
    // With many unread messages, the reader starts at the first of them rather than at the bottom.
    if (aroundId === undefined) this.list.scrollToNewMarker();
    this.#loaded = true;
    this.#showWritable();
  }

  #enter(roomId) {
    this.room = roomId;
    this.#app.dataset.room = roomId;
    showRoomInAddress(roomId);
    this.list.unreadSince = { after: this.#store.lastRead(roomId), upTo: this.#connection.lastSeen(roomId) };
    this.#reset();
    this.#ui.notice.textContent = '';
    this.renderHeader();
    this.#sidebar.renderRooms();
    // On a phone the conversation takes the whole screen, so the menu gives way to it.
    if (this.#narrowScreen.matches) this.#sidebar.setMenuOpen(false);
  }

  close(notice) {
    this.room = null;
    delete this.#app.dataset.room;
    showRoomInAddress(null);
    this.#sidebar.selection = null;
    this.#reset();
    this.renderHeader();
    this.#ui.notice.textContent = notice;
    this.#sidebar.renderRooms();
  }

  #reset() {
    this.#detach();
    this.#clearTypists();
    this.list.clear();
    this.#ui.loadOlder.hidden = true;
    this.#ui.backToLatest.hidden = true;
    this.#newBelow = 0;
    this.#ui.roomMembers.open = false;
    this.#loaded = false;
    this.#composer.enable(false);
  }

  // ---- Pages of history ----

  // Until reachLatest, live messages of the open room wait in heldBack, so none falls between a page and
  // what is already on screen. Page loads still on their way are dropped when they arrive.
  #detach() {
    this.#atLatest = false;
    this.#heldBack = [];
    this.#loadCount += 1;
    return this.#loadCount;
  }

  async #showLatest() {
    const room = this.room;
    const load = this.#detach();
    const page = await this.#history(room, { limit: PAGE_SIZE });
    if (load !== this.#loadCount) return;
    this.list.clear();
    this.list.add(page);
    this.#ui.loadOlder.hidden = page.length < PAGE_SIZE;
    this.#reachLatest();
    // Read once the reader is at the bottom: the scroll event tells (open may scroll up to "New messages").
    this.list.scrollToBottom();
    this.#loadOlderIfNearTop();
  }

  // The hit's own page (before=id+1) ends with the hit; the page after it starts just below.
  async #showAround(messageId) {
    const room = this.room;
    const load = this.#detach();
    const [before, after] = await Promise.all([
      this.#history(room, { before: messageId + 1, limit: CONTEXT_SIZE }),
      this.#history(room, { after: messageId, limit: CONTEXT_SIZE }),
    ]);
    if (load !== this.#loadCount) return;
    this.list.clear();
    this.list.add([...before, ...after]);
    this.#ui.loadOlder.hidden = before.length < CONTEXT_SIZE;
    // A short page after the hit ends at the room's newest message: the view is the latest after all.
    if (after.length < CONTEXT_SIZE) this.#reachLatest();
    else this.#showJumpButton();
    this.list.highlight(messageId);
  }

  // The room's own messages: replies in threads show in the thread panel, and under their first message as a
  // count. Each page tells the store which threads we take part in.
  async #history(room, query) {
    const page = await this.#api.history(room, { ...query, threads: 'collapsed' });
    page.forEach(message => this.#store.noteThread(message));
    return page;
  }

  // One page at a time, however often the scroll event asks.
  loadOlder() {
    this.#olderLoad ??= this.#loadOlderPage().finally(() => { this.#olderLoad = null; });
    return this.#olderLoad;
  }

  async #loadOlderPage() {
    const load = this.#loadCount;
    const page = await this.#history(this.room, { before: this.list.oldestId(), limit: PAGE_SIZE });
    if (load !== this.#loadCount) return;
    // Keep the reader's place while older messages are added above it.
    const scroller = this.#ui.scroller;
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    this.list.add(page);
    this.#ui.loadOlder.hidden = page.length < PAGE_SIZE;
    scroller.scrollTop = scroller.scrollHeight - fromBottom;
  }

  // Infinite scroll: nearing the top of what is loaded fetches the page before it. The "Load older" button
  // stays for keyboards and for screens that are too tall to scroll.
  #loadOlderIfNearTop() {
    if (this.room && !this.#ui.loadOlder.hidden && this.#ui.scroller.scrollTop < LOAD_OLDER_WITHIN_PX) {
      this.loadOlder().catch(this.#failed);
    }
  }

  // The list now ends at the newest message: add what arrived meanwhile, then our unacked sends.
  #reachLatest() {
    this.#atLatest = true;
    this.list.add(this.#heldBack);
    this.#heldBack = [];
    for (const [clientId, sent] of this.#connection.unacked(this.room)) {
      if (sent.thread === undefined) this.list.addPending(clientId, sent);
    }
    this.#showJumpButton();
    this.markReadIfWatched();
  }

  /** The newest messages, on screen; from older context that means loading them. */
  jumpToLatest() {
    if (!this.#atLatest) return this.#showLatest();
    this.list.scrollToBottom();
    this.#showJumpButton();
    this.#composer.focus();
    return Promise.resolve();
  }

  // "Jump to latest" shows whenever the newest messages are not on screen: scrolled up, or older context
  // (around a search hit) loaded. It counts what arrived below meanwhile.
  #showJumpButton() {
    const atBottom = this.#atLatest && this.list.isNearBottom();
    if (atBottom) this.#newBelow = 0;
    const jump = this.#ui.backToLatest;
    jump.hidden = atBottom;
    jump.textContent = this.#newBelow === 0 ? 'Jump to latest ↓'
      : `${this.#newBelow} new ${this.#newBelow === 1 ? 'message' : 'messages'} ↓`;
  }

  #onScroll() {
    this.#loadOlderIfNearTop();
    this.#showJumpButton();
    if (this.#store.unread(this.room)) this.markReadIfWatched();
  }

  // ---- Live ----

  /**
   * A message of the open room, new here: shown now, or held back while an older part is shown. A reply in a
   * thread is counted under its first message instead.
   */
  showLive(message) {
    this.#stopTyping(message.sender);
    if (message.thread !== undefined) {
      this.list.noteReply(message);
      return;
    }
    if (!this.#atLatest) {
      this.#heldBack.push(message);
      return;
    }
    const follow = this.list.isNearBottom();
    this.list.add([message]);
    if (follow) this.list.scrollToBottom();
    else if (message.sender !== this.#store.me) this.#newBelow += 1;
    this.#showJumpButton();
  }

  /** Our own message, just sent: shown at once as on its way, below the newest. */
  showSent(clientId, sent) {
    // From older context, go to the newest (it shows the outbox).
    if (!this.#atLatest) {
      return this.jumpToLatest();
    }
    this.list.addPending(clientId, sent);
    this.list.scrollToBottom();
    return Promise.resolve();
  }

  /** A send changed state; a refused one's Retry button must not end up below the screen. */
  showDelivery(clientId, sent) {
    const follow = this.list.isNearBottom();
    this.list.showDelivery(clientId, sent);
    if (follow) this.list.scrollToBottom();
  }

  // ---- Read markers ----

  /** A room counts as read only while its newest messages are on a visible screen. */
  isWatching(roomId) {
    return Boolean(roomId) && roomId === this.room && this.#atLatest && this.list.isNearBottom()
      && document.visibilityState === 'visible';
  }

  markReadIfWatched() {
    if (!this.isWatching(this.room)) return;
    const room = this.room;
    const upTo = this.#connection.lastSeen(room);
    this.#store.markRead(room, upTo, upTo);
    this.#sidebar.refresh();
    if (upTo) this.#connection.sendFrame({ type: 'read', room, upTo });
  }

  // ---- Header and members ----

  renderHeader() {
    const room = this.#store.room(this.room);
    this.#ui.title.textContent = room ? this.#store.title(room) : this.#noRoomTitle;
    // A direct conversation shows the other person's status where a room shows its topic.
    const topic = room?.kind === 'direct' ? this.#store.status(this.#store.peerOf(room)) : room?.topic;
    this.#ui.topic.textContent = topic ?? '';
    this.#ui.topic.title = topic ?? '';
    const group = room?.kind === 'group';
    this.#ui.notifyLevel.hidden = !room;
    if (room) this.#ui.notifyLevel.value = this.#store.notifications(room.id);
    this.#ui.roomTools.hidden = !group;
    if (group) {
      this.#renderMembers(room);
      this.#renderSettings(room);
    }
    this.#showWritable();
  }

  // An archived room is read-only: it says so where the composer would be.
  #showWritable() {
    const archived = Boolean(this.#store.room(this.room)?.archived);
    if (archived) this.#app.dataset.archived = '';
    else delete this.#app.dataset.archived;
    const notice = 'This room is archived: you can read it, but nobody can write in it.';
    if (archived) this.#ui.notice.textContent = notice;
    else if (this.#ui.notice.textContent === notice) this.#ui.notice.textContent = '';
    if (this.#loaded) this.#composer.enable(!archived);
  }

  // What is being typed in the form is not overwritten by updates that arrive meanwhile.
  #renderSettings(room) {
    const ui = this.#ui;
    const creator = room.createdBy === this.#store.me;
    if (!ui.roomSettings.contains(document.activeElement)) {
      ui.roomNameInput.value = room.name;
      ui.roomTopicInput.value = room.topic ?? '';
      ui.roomPublicInput.checked = room.visibility === 'public';
      ui.roomSettingsError.textContent = '';
    }
    ui.roomNameInput.disabled = !creator || room.archived;
    ui.roomPublicInput.disabled = !creator || room.archived;
    ui.roomTopicInput.disabled = Boolean(room.archived);
    ui.saveRoomSettings.disabled = Boolean(room.archived);
    ui.archiveRoom.hidden = !creator;
    ui.archiveRoom.textContent = room.archived ? 'Restore' : 'Archive';
  }

  async #setNotifications(level) {
    const room = this.room;
    const answer = await this.#api.json('PUT', roomPath(room, '/notifications'), { level });
    this.#store.setNotifications(room, answer.level);
    this.#sidebar.refresh();
  }

  async #saveSettings() {
    const ui = this.#ui;
    const room = this.#store.room(this.room);
    if (!room) return;
    const changes = {};
    const name = ui.roomNameInput.value.trim();
    const topic = ui.roomTopicInput.value.trim();
    const visibility = ui.roomPublicInput.checked ? 'public' : 'private';
    if (name !== room.name) changes.name = name;
    if (topic !== (room.topic ?? '')) changes.topic = topic;
    if (visibility !== room.visibility) changes.visibility = visibility;
    if (Object.keys(changes).length > 0) await this.#changeRoom(room.id, changes);
  }

  async #toggleArchived() {
    const room = this.#store.room(this.room);
    if (!room) return;
    if (!room.archived && !confirm(`Archive ${room.name}? Its members can still read it, but nobody can write in it.`)) return;
    await this.#changeRoom(room.id, { archived: !room.archived });
  }

  async #changeRoom(roomId, changes) {
    this.#ui.roomSettingsError.textContent = '';
    try {
      this.#store.rememberRoom(await this.#api.json('PATCH', roomPath(roomId), changes));
    } catch (failure) {
      if (!(failure instanceof SignedOut)) this.#ui.roomSettingsError.textContent = failure.message;
      return;
    }
    if (this.room === roomId) this.renderHeader();
    this.#sidebar.renderRooms();
  }

  #renderMembers(room) {
    const store = this.#store;
    const members = [...room.members].sort(store.byDisplayName);
    const count = members.length === 1 ? '1 member' : `${members.length} members`;
    this.#ui.membersSummary.textContent = `${count}: ${nameList.format(members.map(name => store.displayName(name)))}`;
    this.#ui.memberList.replaceChildren(...members.map(username => this.#memberEntry(room, username)));
    const candidates = store.others().filter(username => !room.members.includes(username));
    const prompt = new Option(candidates.length ? 'Choose someone…' : 'Everyone is here', '');
    this.#ui.addMemberSelect.replaceChildren(prompt, ...candidates.map(name => new Option(store.displayName(name), name)));
    this.#ui.addMemberSelect.disabled = candidates.length === 0;
    this.#ui.addMemberButton.disabled = candidates.length === 0;
  }

  #memberEntry(room, username) {
    const me = this.#store.me;
    const item = element('li', 'member');
    item.dataset.username = username;
    item.append(personName(this.#store, 'member-name', username, username === me ? ' (you)' : ''));
    if (room.createdBy === username) item.append(element('span', 'member-role', 'creator'));
    if (room.createdBy === me && username !== me) {
      const remove = button('remove-member', 'Remove');
      remove.dataset.username = username;
      remove.ariaLabel = `Remove ${this.#store.displayName(username)}`;
      item.append(remove);
    }
    return item;
  }

  async #addMember() {
    const username = this.#ui.addMemberSelect.value;
    const roomId = this.room;
    if (!username || !roomId) return;
    this.#store.rememberRoom(await this.#api.json('POST', roomPath(roomId, '/members'), { username }));
    if (this.room === roomId) this.renderHeader();
  }

  async #removeMember(username) {
    const roomId = this.room;
    await this.#api(roomPath(roomId, `/members/${encodeURIComponent(username)}`), { method: 'DELETE' });
    const room = this.#store.room(roomId);
    if (room) this.#store.setMembers(roomId, room.members.filter(member => member !== username));
    if (this.room === roomId) this.renderHeader();
  }

  /** Answers the room left, for the page to forget. */
  async leave() {
    const room = this.#store.room(this.room);
    if (!room) return null;
    await this.#api(roomPath(room.id, `/members/${encodeURIComponent(this.#store.me)}`), { method: 'DELETE' });
    return room;
  }

  // ---- Typing ----

  noteTyping(username) {
    clearTimeout(this.#typists.get(username));
    this.#typists.set(username, setTimeout(() => this.#stopTyping(username), TYPING_SHOW_MS));
    this.#renderTyping();
  }

  #stopTyping(username) {
    clearTimeout(this.#typists.get(username));
    if (this.#typists.delete(username)) this.#renderTyping();
  }

  #clearTypists() {
    this.#typists.forEach(timer => clearTimeout(timer));
    this.#typists.clear();
    this.#renderTyping();
  }

  #renderTyping() {
    const names = [...this.#typists.keys()].map(name => this.#store.displayName(name));
    const verb = names.length === 1 ? 'is' : 'are';
    this.#ui.typing.textContent = names.length ? `${nameList.format(names)} ${verb} typing…` : '';
  }

  // ---- Controls ----

  #bind() {
    const ui = this.#ui;
    const failed = this.#failed;
    ui.addMemberForm.addEventListener('submit', event => {
      event.preventDefault();
      this.#addMember().catch(failed);
    });
    ui.notifyLevel.addEventListener('change', () => this.#setNotifications(ui.notifyLevel.value).catch(failed));
    ui.roomSettings.addEventListener('submit', event => {
      event.preventDefault();
      this.#saveSettings().catch(failed);
    });
    ui.archiveRoom.addEventListener('click', () => this.#toggleArchived().catch(failed));
    ui.memberList.addEventListener('click', event => {
      const remove = event.target.closest('button.remove-member');
      if (remove) this.#removeMember(remove.dataset.username).catch(failed);
    });
    // The open members panel covers the messages; a click anywhere else closes it.
    document.addEventListener('click', event => {
      if (!ui.roomMembers.contains(event.target)) ui.roomMembers.open = false;
    });
    ui.loadOlder.addEventListener('click', () => this.loadOlder().catch(failed));
    ui.backToLatest.addEventListener('click', () => this.jumpToLatest().catch(failed));
    ui.scroller.addEventListener('scroll', () => this.#onScroll(), { passive: true });
    bindMessageActions(ui.messages, this.list, {
      room: () => this.room,
      api: this.#api,
      store: this.#store,
      connection: this.#connection,
      changed: this.#changed,
      failed,
      showError: message => this.#composer.showError(message),
      focusComposer: () => this.#composer.focus(),
      openThread: id => this.#openThread(this.room, id),
    });
  }
}

// The open room is part of the page's address, so a reload, a bookmark or signing in again after the session
// ended comes back to it.
function showRoomInAddress(roomId) {
  const address = new URL(location.href);
  if (roomId) address.searchParams.set('room', roomId);
  else address.searchParams.delete('room');
  history.replaceState(null, '', address);
}

export function roomInAddress() {
  return new URL(location.href).searchParams.get('room');
}
