// Parley's chat page: puts its parts together and connects what happens on the WebSocket to what they show.
// ChatConnection (connection.js) follows the client's algorithm of docs/protocol.md; ChatStore (store.js)
// holds people and rooms; the sidebar, the conversation, the composer and the search panel render them.
// Faces resource URLs end in ".xhtml", which relative imports would miss: the page's import map names the
// modules ("parley/...").

import { ChatConnection } from 'parley/connection';
import { ChatStore } from 'parley/store';
import { mentionsIn } from 'parley/markdown';
import { SignedOut, createApi, roomPath } from 'parley/api';
import { byId } from 'parley/dom';
import { Sidebar } from 'parley/sidebar';
import { Composer } from 'parley/composer';
import { Conversation, roomInAddress } from 'parley/conversation';
import { SearchPanel } from 'parley/search';
import { ChannelBrowser } from 'parley/channels';
import { ThreadPanel } from 'parley/thread';
import { ProfileDialog } from 'parley/profile';
import { Uploads } from 'parley/uploads';
import { notificationSetting, notify, toggleNotifications } from 'parley/attention';

const app = byId('app');
const me = app.dataset.user;
// Every URL is built on where Parley is deployed ("/" or a prefix such as "/chat/"), never on this page's path.
const root = new URL(app.dataset.root, location.origin);
// Must match the phone breakpoint in parley.css: the sidebar becomes a menu, search covers the conversation.
const narrowScreen = matchMedia('(max-width: 600px)');

const ui = Object.fromEntries(Object.entries({
  status: 'connection-status', statusText: 'connection-text', reconnectNow: 'reconnect-now',
  menuButton: 'menu-button', sidebar: 'sidebar', notifications: 'notifications-button', signOut: 'sign-out',
  searchForm: 'search-form', searchInput: 'search-input',
  roomList: 'room-list', newRoomButton: 'new-room-button', newRoomForm: 'new-room-form',
  newRoomName: 'new-room-name', newRoomMembers: 'new-room-members', newRoomError: 'new-room-error',
  cancelNewRoom: 'cancel-new-room', userList: 'user-list',
  title: 'conversation-title', typing: 'typing-indicator', roomTools: 'room-tools', roomMembers: 'room-members',
  membersSummary: 'members-summary', memberList: 'member-list', addMemberForm: 'add-member-form',
  addMemberSelect: 'add-member-select', addMemberButton: 'add-member-button', leaveRoom: 'leave-room',
  notice: 'conversation-notice', scroller: 'message-scroller', loadOlder: 'load-older', messages: 'message-list',
  backToLatest: 'back-to-latest',
  composer: 'composer', input: 'composer-input', suggestions: 'mention-suggestions', send: 'send-button', counter: 'composer-counter', error: 'composer-error',
  searchResults: 'search-results', closeSearch: 'close-search', searchStatus: 'search-status',
  searchHits: 'search-hit-list', searchMore: 'search-more',
  newRoomTopic: 'new-room-topic', newRoomPublic: 'new-room-public',
  browseChannels: 'browse-channels-button', channelBrowser: 'channel-browser', channelFilter: 'channel-filter',
  channelArchived: 'channel-archived', channelStatus: 'channel-status', channelList: 'channel-list',
  closeChannelBrowser: 'close-channel-browser',
  topic: 'conversation-topic', roomSettings: 'room-settings', roomNameInput: 'room-name-input',
  roomTopicInput: 'room-topic-input', roomPublicInput: 'room-public-input', roomSettingsError: 'room-settings-error',
  saveRoomSettings: 'save-room-settings', archiveRoom: 'archive-room', notifyLevel: 'notify-level',
  threadPanel: 'thread-panel', closeThread: 'close-thread', threadScroller: 'thread-scroller',
  threadList: 'thread-list', threadMore: 'thread-more', threadComposer: 'thread-composer',
  threadInput: 'thread-input', threadSuggestions: 'thread-mention-suggestions', threadError: 'thread-error',
  me: 'me', profileDialog: 'profile-dialog', profileForm: 'profile-form', profileName: 'profile-name',
  profileStatus: 'profile-status', profileError: 'profile-error', closeProfile: 'close-profile',
  passwordForm: 'password-form', currentPassword: 'current-password', newPassword: 'new-password',
  passwordError: 'password-error', passwordStatus: 'password-status', profileAvatar: 'profile-avatar',
  avatarInput: 'avatar-input', chooseAvatar: 'choose-avatar', removeAvatar: 'remove-avatar',
  attach: 'attach-button', fileInput: 'file-input', attachments: 'attachments', conversationMain: 'conversation',
}).map(([name, id]) => [name, byId(id)]));

const api = createApi(root);
const store = new ChatStore(me, mentionsIn);
const connection = new ChatConnection({
  user: me,
  url: socketAddress(),
  openSocket: (url, protocols) => new WebSocket(url, protocols),
  mayConnect: sessionLasts,
  newClientId,
});
const sidebar = new Sidebar(ui, app, store, {
  openRoom: roomId => openListedRoom(roomId).catch(reportFailure),
  openPerson: username => openPerson(username).catch(reportFailure),
  createRoom,
  hideRoom: roomId => hideRoom(roomId).catch(reportFailure),
  openRoomId: () => conversation.room,
});
const uploads = new Uploads(ui, root, {
  openRoom: () => conversation.room,
  signedOut: () => location.reload(),
});
const composer = new Composer(ui, Number(app.dataset.maxLength), {
  send,
  openRoom: () => conversation.room,
  typed: room => connection.sendFrame({ type: 'typing', room }),
  mentionable,
  uploads,
});
const conversation = new Conversation({
  ui, app, store, api, connection, sidebar, composer, narrowScreen, failed: reportFailure, changed: showChange,
  openThread: (room, id) => openThread(room, id).catch(reportFailure),
});
const threadPanel = new ThreadPanel({
  ui, store, api, connection, failed: reportFailure, changed: showChange, mentionable,
});
new ProfileDialog(ui, api, ({ username, displayName, status, avatar }) =>
  showProfile({ user: username, displayName, status, avatar }));
const search = new SearchPanel(ui, store, api, narrowScreen,
  (room, id, thread) => openAtMessage(room, id, thread).catch(reportFailure));
const channels = new ChannelBrowser(ui, api, {
  join: joinRoom,
  open: roomId => openListedRoom(roomId).catch(reportFailure),
});

function reportFailure(error) {
  if (!(error instanceof SignedOut)) composer.showError(error.message);
}

// ---- People and rooms ----

async function loadUsers() {
  store.setUsers(await api('api/users'));
  sidebar.renderPeople();
  conversation.renderHeader();
}

// Each room starts where GET /api/rooms says: everything up to its lastMessageId is history (fetched over
// HTTP when opened), everything after comes over the WebSocket; so do its changes (edits, deletions, reactions,
// room settings) after its changeSeq, those before it being in what was read.
function rememberRoom(room) {
  const isNew = store.rememberRoom(room);
  connection.follow(room.id, room.lastMessageId ?? 0, room.changeSeq ?? 0);
  return isNew;
}

let roomsRefresh = null;

// Rooms this page has not heard of: a message from a direct room someone just opened with us, a search hit in
// a room joined moments ago, rooms joined while the connection was down.
function learnNewRooms() {
  roomsRefresh ??= api('api/rooms')
    .then(list => {
      list.forEach(rememberRoom);
      sidebar.renderRooms();
    })
    .catch(reportFailure)
    .finally(() => { roomsRefresh = null; });
  return roomsRefresh;
}

// We are no longer a member: nothing of the room may stay on screen, be resumed or be resent.
function forgetRoom(roomId, notice) {
  connection.forget(roomId);
  const room = store.forgetRoom(roomId);
  sidebar.renderRooms();
  if (threadPanel.room === roomId) threadPanel.close();
  if (conversation.room === roomId) {
    conversation.close(notice ?? `You are no longer a member of ${room?.name ?? 'this room'}.`);
  }
}

async function createRoom({ name, members, topic, visibility }) {
  const room = await api.json('POST', 'api/rooms', { name, members, topic, visibility });
  // The answer does not say who created the room: we did, which lets us remove members.
  rememberRoom({ ...room, createdBy: me });
  store.noteJoined(room.id);
  sidebar.renderRooms();
  return room;
}

async function joinRoom(roomId) {
  const room = await api(roomPath(roomId, '/join'), { method: 'POST' });
  if (rememberRoom(room)) store.noteJoined(room.id);
  sidebar.renderRooms();
  await openListedRoom(room.id);
}

// Until a new message arrives; in every tab of ours (the hidden frame).
async function hideRoom(roomId) {
  const answer = await api.json('PUT', roomPath(roomId, '/hidden'), { hidden: true });
  store.setHidden(roomId, answer.hiddenUpTo);
  if (conversation.room === roomId) conversation.close('');
  sidebar.renderRooms();
}

async function openPerson(username) {
  const key = `user:${username}`;
  sidebar.select(key);
  const room = await api(`api/direct/${encodeURIComponent(username)}`, { method: 'POST' });
  rememberRoom(room);
  // Going back to someone on purpose shows the conversation again.
  if (store.isHidden(store.room(room.id))) {
    await api.json('PUT', roomPath(room.id, '/hidden'), { hidden: false });
    store.setHidden(room.id, undefined);
  }
  if (sidebar.selection === key) await openConversation(room.id);
}

async function openListedRoom(roomId) {
  sidebar.select(`room:${roomId}`);
  await openConversation(roomId);
}

// A search hit: a reply in a thread opens its room at the thread's first message, and the thread beside it.
async function openAtMessage(roomId, messageId, thread) {
  if (!store.hasRoom(roomId)) await learnNewRooms();
  const room = store.room(roomId);
  if (!room) return;
  sidebar.select(Sidebar.keyOf(store, room));
  await openConversation(roomId, thread ?? messageId);
  if (thread !== undefined) await openThread(roomId, thread, messageId);
}

// A thread belongs to its room: it closes when another room opens.
function openConversation(roomId, aroundId) {
  if (threadPanel.room !== roomId) threadPanel.close();
  if (conversation.room !== roomId) uploads.clear();
  return conversation.open(roomId, aroundId);
}

// The thread takes the search results' place beside the conversation.
function openThread(roomId, messageId, highlightId) {
  search.close();
  return threadPanel.open(roomId, messageId, highlightId);
}

async function leaveRoom() {
  const room = await conversation.leave();
  if (room) forgetRoom(room.id, `You left ${room.name}.`);
}

// Names on messages already drawn keep the old name until they are drawn again; lists and headers change now.
function showProfile(profile) {
  if (!store.updateProfile(profile)) {
    loadUsers().catch(reportFailure); // someone who signed up after the page loaded
    return;
  }
  if (profile.user === me) ui.me.textContent = profile.displayName;
  sidebar.renderPeople();
  conversation.renderHeader();
  conversation.list.showProfile(profile.user);
  threadPanel.list.showProfile(profile.user);
}

// ---- Messages ----

// Whom the open room's composer can @mention: its other members, and everyone at once in a group room.
function mentionable() {
  const room = store.room(conversation.room);
  if (!room) return [];
  const people = room.members.filter(username => username !== me).sort(store.byDisplayName)
    .map(username => ({ name: username, label: store.displayName(username) }));
  return room.kind === 'group' ? [...people, { name: 'room', label: 'Everyone in the room' }] : people;
}

function send(body, files) {
  const room = conversation.room;
  if (!room) return;
  const clientId = connection.send(room, body, undefined, files);
  conversation.showSent(clientId, connection.unackedSend(clientId)).catch(reportFailure);
}

// An edit or deletion, ours or from a frame; both may come, in either order.
function showChange(change) {
  search.update(change.id, change.deleted ? null : change.body);
  for (const list of listsShowing(change.room)) {
    if (change.deleted) list.showDeletion(change);
    else list.showEdit(change);
  }
}

// Where a room's messages may be on screen: the conversation and the thread panel.
function listsShowing(roomId) {
  return [conversation, threadPanel].filter(view => view.room === roomId).map(view => view.list);
}

connection
  .on('message', (message, { live }) => {
    const { room } = message;
    if (!store.hasRoom(room)) learnNewRooms();
    if (room === conversation.room) conversation.showLive(message);
    if (message.thread !== undefined) threadPanel.showLive(message);
    const read = conversation.isWatching(room);
    store.noteMessage(message, read);
    if (read) conversation.markReadIfWatched();
    sidebar.renderRooms();
    if (live) callAttentionTo(message);
  })
  .on('ack', ack => listsShowing(ack.room).forEach(list => list.confirm(ack)))
  .on('send', (clientId, sent) => {
    if (sent.thread === undefined) conversation.showDelivery(clientId, sent);
    else threadPanel.list.showDelivery(clientId, sent);
    if (sent.state !== 'failed') return;
    if (sent.thread === undefined) composer.showError(sent.reason);
    else threadPanel.showError(sent.reason);
  })
  .on('edited', showChange)
  .on('deleted', change => showChange({ ...change, deleted: true }))
  .on('reactions', ({ room, id, reactions }) => {
    listsShowing(room).forEach(list => list.showReactions(id, reactions));
  })
  // A group room we were added to or created, or whose members changed.
  .on('room', (room, { isNew }) => {
    rememberRoom(room);
    if (isNew) store.noteJoined(room.id);
    sidebar.renderRooms();
    if (room.id === conversation.room) conversation.renderHeader();
  })
  .on('removed', roomId => forgetRoom(roomId))
  // Someone (perhaps we, in another tab) changed their display name or status.
  .on('profile', showProfile)
  .on('presence', ({ user, online }) => {
    if (store.setOnline(user, online)) sidebar.refresh();
    else loadUsers().catch(reportFailure); // someone who signed up after the page loaded
  })
  .on('typing', ({ room, user }) => {
    if (room === conversation.room && user !== me) conversation.noteTyping(user);
  })
  // Another tab of ours chose what in the room calls for our attention.
  .on('notifications', ({ room, level }) => {
    store.setNotifications(room, level);
    sidebar.refresh();
    if (room === conversation.room) conversation.renderHeader();
  })
  // Another tab of ours hid a direct room, or showed it again.
  .on('hidden', ({ room, hiddenUpTo }) => {
    store.setHidden(room, hiddenUpTo);
    if (conversation.room === room && hiddenUpTo !== undefined) conversation.close('');
    sidebar.renderRooms();
  })
  // Another tab of ours read the room.
  .on('read', ({ room, upTo }) => {
    store.markRead(room, upTo, connection.lastSeen(room));
    sidebar.refresh();
  })
  .on('error', ({ code, message }) => composer.showError(message || code))
  .on('state', showConnectionState)
  // Presence changes and rooms joined since people and rooms were read (before connecting, or before the
  // connection dropped) were sent to no connection of ours, and resume does not replay them: they are asked for
  // now, once every later change is sure to come as a frame. Edits, deletions and reactions made while we were
  // away need nothing here: resume replayed them from each room's change log (and new replies as messages).
  .on('resumed', () => {
    conversation.markReadIfWatched();
    loadUsers().catch(reportFailure);
    learnNewRooms();
  });

// A live message from someone else, while this tab is not where the person is looking.
// (Replayed backlog after a reconnect notifies nobody: it would be a burst of old news.)
function callAttentionTo({ room, id, sender, body, deleted, thread }) {
  if (sender === me || (document.visibilityState === 'visible' && document.hasFocus())) return;
  if (!store.callsForAttention({ room, body, deleted, thread })) return;
  const known = store.room(room);
  const where = known?.kind === 'group' ? ` in ${known.name}` : '';
  notify({
    title: `${store.displayName(sender)}${thread === undefined ? '' : ' replied in a thread'}${where}`,
    body: deleted ? 'This message was deleted' : body,
    tag: thread === undefined ? room : `${room}:${thread}`,
    onOpen: () => (thread === undefined ? openListedRoom(room) : openAtMessage(room, id, thread)).catch(reportFailure),
  });
}

// ---- The connection ----

function socketAddress() {
  const url = new URL('ws', root);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}

// Asked before each reconnect: a refused handshake looks like any other failed connection, and /api/me tells
// an ended session (go to sign-in) apart from a server that is briefly away (try again).
async function sessionLasts() {
  try {
    const signedIn = await api('api/me');
    // Someone else signed in on this browser meanwhile: this page belongs to the previous person.
    if (signedIn.username !== me) {
      location.reload();
      return false;
    }
  } catch (error) {
    if (error instanceof SignedOut) return false;
  }
  return true;
}

// crypto.randomUUID exists only in secure contexts; a plain-http deployment still needs ids.
function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

let retryAt = 0;
let countdownTimer = 0;

// The banner shows while the connection is down, counting down to the next attempt, and goes away by itself
// once it is back.
function showConnectionState(state, nextAttempt = 0) {
  app.dataset.connection = state;
  ui.status.hidden = state !== 'reconnecting';
  retryAt = nextAttempt;
  clearInterval(countdownTimer);
  if (state === 'reconnecting') countdownTimer = setInterval(showConnectionText, 1_000);
  showConnectionText();
}

function showConnectionText() {
  const seconds = Math.ceil((retryAt - Date.now()) / 1_000);
  ui.statusText.textContent = seconds > 0
    ? `Connection lost. Reconnecting in ${seconds} s…`
    : 'Connection lost. Reconnecting…';
}

function reconnectNow() {
  retryAt = 0;
  showConnectionText();
  connection.reconnect();
}

// ---- Controls and start ----

// A page, not a call: after a company sign-in it continues to the provider's sign-out, then to sign-in.
function signOut() {
  connection.stop();
  location.assign(new URL('signout', root));
}

// Escape closes the panel that was opened last: a room's members, the new-room form, the phone menu, then the
// search results or the thread. Focus goes back to what opened it.
function closePanelOnEscape(event) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if (ui.roomMembers.open) {
    ui.roomMembers.open = false;
    ui.membersSummary.focus();
  } else if (sidebar.isNewRoomFormOpen()) {
    sidebar.closeNewRoomForm();
    ui.newRoomButton.focus();
  } else if (channels.isOpen()) {
    channels.close();
    ui.browseChannels.focus();
  } else if (narrowScreen.matches && sidebar.isMenuOpen()) {
    sidebar.setMenuOpen(false);
    ui.menuButton.focus();
  } else if (search.isOpen()) {
    search.close();
    ui.searchInput.focus();
  } else if (threadPanel.isOpen()) {
    threadPanel.close();
    composer.focus();
  }
}

function showNotificationSetting(setting) {
  ui.notifications.hidden = setting === 'unsupported';
  ui.notifications.disabled = setting === 'blocked';
  ui.notifications.ariaPressed = String(setting === 'on');
  ui.notifications.textContent = {
    on: 'Notifications on',
    off: 'Turn on notifications',
    blocked: 'Notifications blocked by the browser',
  }[setting] ?? '';
}

async function start() {
  ui.signOut.addEventListener('click', signOut);
  ui.leaveRoom.addEventListener('click', () => leaveRoom().catch(reportFailure));
  ui.reconnectNow.addEventListener('click', reconnectNow);
  ui.searchForm.addEventListener('submit', () => threadPanel.close());
  // Files dropped anywhere on the conversation are attached to the next message.
  ui.conversationMain.addEventListener('dragover', event => {
    if (conversation.room && event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  ui.conversationMain.addEventListener('drop', event => {
    if (!conversation.room || !event.dataTransfer?.files.length) return;
    event.preventDefault();
    uploads.add(event.dataTransfer.files);
  });
  // The device has a network again: no need to wait out the backoff.
  window.addEventListener('online', () => {
    if (!connection.live) reconnectNow();
  });
  document.addEventListener('keydown', closePanelOnEscape);
  document.addEventListener('visibilitychange', () => {
    conversation.markReadIfWatched();
    sidebar.refresh();
  });
  showNotificationSetting(notificationSetting());
  ui.notifications.addEventListener('click', () => toggleNotifications().then(showNotificationSetting));

  const [, rooms] = await Promise.all([loadUsers(), api('api/rooms')]);
  rooms.forEach(rememberRoom);
  sidebar.renderRooms();
  connection.connect();
  const wanted = roomInAddress();
  if (store.hasRoom(wanted)) await openListedRoom(wanted);
  else if (wanted) conversation.close('');
}

start().catch(reportFailure);
