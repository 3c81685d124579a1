// Parley's chat page: the sidebar of conversations and people, one open conversation, the search panel,
// and the WebSocket that keeps them live. Everything here follows the client contract in docs/protocol.md.
// Faces resource URLs end in ".xhtml", which relative imports would miss: the page's import map names
// the other modules ("parley/...").

import { messageText } from 'parley/message-text';
import { notificationSetting, notify, showUnreadInTitle, toggleNotifications } from 'parley/attention';

// ---- Settings and page elements ----

const PAGE_SIZE = 50;
const CONTEXT_SIZE = 25;        // messages loaded on each side of a search hit
const SEARCH_PAGE_SIZE = 20;
const PING_INTERVAL_MS = 25_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const TYPING_SEND_INTERVAL_MS = 2_000;
const TYPING_SHOW_MS = 4_000;
const HIGHLIGHT_MS = 3_000;
const GROUP_WITHIN_MS = 5 * 60_000;   // a message this soon after the same sender's previous one continues it
const LOAD_OLDER_WITHIN_PX = 300;     // scrolling this close to the top loads the page before
// Errors after which the very same send may succeed later; the others need the message changed.
const RETRYABLE = new Set(['rate_limited', 'internal']);

const app = document.getElementById('app');
const me = app.dataset.user;
// Every URL is built on where Parley is deployed ("/" or a prefix such as "/chat/"), never on this page's path.
const root = new URL(app.dataset.root, location.origin);
const maxLength = Number(app.dataset.maxLength);
const counterFrom = Math.round(maxLength * 0.9);  // the counter shows once 90 % of the limit is used

const byId = id => document.getElementById(id);
const ui = {
  status: byId('connection-status'),
  statusText: byId('connection-text'),
  reconnectNow: byId('reconnect-now'),
  menuButton: byId('menu-button'),
  sidebar: byId('sidebar'),
  notifications: byId('notifications-button'),
  signOut: byId('sign-out'),
  searchForm: byId('search-form'),
  searchInput: byId('search-input'),
  roomList: byId('room-list'),
  newRoomButton: byId('new-room-button'),
  newRoomForm: byId('new-room-form'),
  newRoomName: byId('new-room-name'),
  newRoomMembers: byId('new-room-members'),
  newRoomError: byId('new-room-error'),
  cancelNewRoom: byId('cancel-new-room'),
  userList: byId('user-list'),
  title: byId('conversation-title'),
  typing: byId('typing-indicator'),
  roomTools: byId('room-tools'),
  roomMembers: byId('room-members'),
  membersSummary: byId('members-summary'),
  memberList: byId('member-list'),
  addMemberForm: byId('add-member-form'),
  addMemberSelect: byId('add-member-select'),
  addMemberButton: byId('add-member-button'),
  leaveRoom: byId('leave-room'),
  notice: byId('conversation-notice'),
  scroller: byId('message-scroller'),
  loadOlder: byId('load-older'),
  messages: byId('message-list'),
  backToLatest: byId('back-to-latest'),
  composer: byId('composer'),
  input: byId('composer-input'),
  send: byId('send-button'),
  counter: byId('composer-counter'),
  error: byId('composer-error'),
  searchResults: byId('search-results'),
  closeSearch: byId('close-search'),
  searchStatus: byId('search-status'),
  searchHits: byId('search-hit-list'),
  searchMore: byId('search-more'),
};
const noConversationTitle = ui.title.textContent;
// Must match the phone breakpoint in parley.css: the sidebar becomes a menu, search covers the conversation.
const narrowScreen = matchMedia('(max-width: 600px)');

const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateAndTime = new Intl.DateTimeFormat([], { dateStyle: 'medium', timeStyle: 'short' });
// The page's words are English, so names of days and lists are too ("Mon 23 Nov 2026", "Bob and Carol").
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const nameList = new Intl.ListFormat('en-GB', { type: 'conjunction' });

// ---- State ----

const users = new Map();      // username -> {username, displayName, online}
const rooms = new Map();      // room id -> {id, kind, name?, members, createdBy?}
const lastSeen = new Map();   // room id -> id of the last message applied from the server
const lastRead = new Map();   // room id -> this user's read marker: the id read up to, in any tab
const unread = new Map();     // room id -> others' messages not read yet
// Room id -> id of its newest message known here. Message ids rise across all rooms, so they also
// order rooms by their last activity.
const activity = new Map();
// clientId -> {room, body, state, reason?} until the server acks it. state: 'sending' (sent on this
// connection), 'waiting' (for a connection; sent after the next "resumed"), 'failed' (refused: sent
// again only when the user says so, with the same clientId, so it is never stored twice).
const outbox = new Map();
const typingSent = new Map(); // room id -> when this tab last said "typing" there
const typists = new Map();    // username -> timer that ends their "is typing" in the open room

let openRoom = null;          // id of the conversation on screen
let selection = null;         // sidebar entry clicked last ('room:<id>' or 'user:<name>'); a slower, earlier click must not win
let atLatest = false;         // the list ends at the room's newest message, so live messages may be appended
let heldBack = [];            // live messages of the open room that arrived while it was not atLatest
let loadCount = 0;            // bumped by each page load, so a slow earlier load cannot overwrite a later one
let unreadSince = null;       // {after, upTo}: the ids that were unread when the room was opened
let roomsRefresh = null;
let newBelow = 0;             // others' messages that arrived below the screen while the reader was scrolled up
let olderLoad = null;         // the page of older messages being loaded, so scrolling asks for it once
let searchQuery = '';
let searchCount = 0;          // bumped by each new search, so late pages of an older one are dropped

let socket = null;
let live = false;             // true between "resumed" and the next close: sends may go out
let replay = null;            // message frames collected between "resume" and "resumed"
let retries = 0;
let pingTimer = 0;
let reconnectTimer = 0;
let reconnectAt = 0;          // when the next attempt starts, for the banner's countdown
let countdownTimer = 0;
let connectedBefore = false;
let signingOut = false;

class SignedOut extends Error {}

// ---- HTTP ----

async function api(path, options = {}) {
  const response = await fetch(new URL(path, root), options);
  if (response.status === 401) {
    goToSignIn();
    throw new SignedOut('Your session has ended.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    // An admin disabled this account: the sign-in page says so when they try again.
    if (problem.error === 'account_disabled') {
      goToSignIn();
      throw new SignedOut(problem.message);
    }
    throw new Error(problem.message ?? `Request failed (${response.status}).`);
  }
  return response.status === 204 ? null : response.json();
}

function apiJson(method, path, body) {
  return api(path, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

function roomPath(roomId, rest = '') {
  return `api/rooms/${encodeURIComponent(roomId)}${rest}`;
}

// Leaves out parameters that are undefined, such as "before" on the first page.
function queryString(params) {
  return new URLSearchParams(Object.entries(params).filter(([, value]) => value !== undefined));
}

function fetchHistory(roomId, { before, after, limit }) {
  return api(`${roomPath(roomId, '/messages')}?${queryString({ before, after, limit })}`);
}

function reportFailure(error) {
  if (!(error instanceof SignedOut)) showError(error.message);
}

// The session ended (expired, or signed out elsewhere): sign in, then come back to this very page.
function goToSignIn() {
  const next = location.pathname + location.search;
  location.assign(new URL(`signin.xhtml?${new URLSearchParams({ next })}`, root));
}

// ---- Users and rooms ----

async function loadUsers() {
  const list = await api('api/users');
  users.clear();
  for (const user of list) users.set(user.username, user);
  renderUserList();
  renderConversationHeader();
}

// The first load sets each room's starting point: everything up to lastMessageId is history
// (fetched over HTTP when opened), everything after it comes over the WebSocket.
async function loadRooms() {
  for (const room of await api('api/rooms')) {
    rememberRoom(room);
    unread.set(room.id, room.unread ?? 0);
  }
}

// For rooms this page has not heard of: a message from a direct room someone just opened with us,
// or a search hit in a room joined moments ago.
function learnNewRooms() {
  roomsRefresh ??= api('api/rooms')
    .then(list => {
      list.forEach(rememberRoom);
      renderRoomList();
    })
    .catch(reportFailure)
    .finally(() => { roomsRefresh = null; });
  return roomsRefresh;
}

// Known rooms keep their lastSeen: moving it would skip frames still on their way. A room first
// seen now starts at its lastMessageId; its older messages are history, loaded when it is opened
// (replaying them would count each one as unread). Frames may lack fields an earlier answer had,
// such as createdBy, so the room is merged rather than replaced.
function rememberRoom(room) {
  rooms.set(room.id, { ...rooms.get(room.id), ...room });
  if (!lastSeen.has(room.id)) lastSeen.set(room.id, room.lastMessageId ?? 0);
  if (room.lastReadId !== undefined) advanceReadMarker(room.id, room.lastReadId);
  noteActivity(room.id, room.lastMessageId ?? 0);
}

function noteActivity(roomId, messageId) {
  activity.set(roomId, Math.max(messageId, activity.get(roomId) ?? 0));
}

function advanceReadMarker(roomId, upTo) {
  lastRead.set(roomId, Math.max(upTo, lastRead.get(roomId) ?? 0));
}

// We are no longer a member: nothing of the room may stay on screen, be resumed or be resent.
function forgetRoom(roomId, notice) {
  const room = rooms.get(roomId);
  if (!room && !lastSeen.has(roomId)) return;
  for (const map of [rooms, lastSeen, lastRead, unread, typingSent, activity]) map.delete(roomId);
  for (const [clientId, sent] of outbox) {
    if (sent.room === roomId) outbox.delete(clientId);
  }
  renderRoomList();
  if (openRoom === roomId) closeConversation(notice ?? `You are no longer a member of ${room?.name ?? 'this room'}.`);
}

function displayName(username) {
  return users.get(username)?.displayName || username;
}

// Display names are free text, so two people may choose the same one (or one that looks the same): wherever
// someone is named, their username, which is unique and plain, stands beside it.
function personName(className, username, suffix = '') {
  const name = element('span', className, displayName(username));
  if (displayName(username) !== username) name.append(element('span', 'handle', `@${username}`));
  if (suffix) name.append(suffix);
  return name;
}

function byDisplayName(a, b) {
  return displayName(a).localeCompare(displayName(b));
}

function otherUsers() {
  return [...users.keys()].filter(username => username !== me).sort(byDisplayName);
}

function peerOf(room) {
  return room.members.find(username => username !== me) ?? me;
}

function roomTitle(room) {
  return room.kind === 'group' ? room.name : displayName(peerOf(room));
}

function selectionKey(room) {
  return room.kind === 'group' ? `room:${room.id}` : `user:${peerOf(room)}`;
}

function directRoomWith(username) {
  for (const room of rooms.values()) {
    if (room.kind === 'direct' && room.members.includes(username)) return room.id;
  }
  return null;
}

// ---- Sidebar ----

// Conversations, most recently active first: every group room, and each private conversation that has
// messages (or is open). The people list below starts new private conversations.
function renderRoomList() {
  const listed = [...rooms.values()].filter(isListed).sort(byActivity);
  const entries = listed.map(room => ui.roomList.querySelector(`li[data-room="${CSS.escape(room.id)}"]`) ?? roomEntry(room));
  // Moving an entry takes the keyboard focus off it, so the list is rebuilt only when its order changed.
  const current = [...ui.roomList.children];
  if (entries.length !== current.length || entries.some((entry, i) => entry !== current[i])) {
    ui.roomList.replaceChildren(...entries);
  }
  refreshSidebar();
}

function isListed(room) {
  return room.kind === 'group' || (activity.get(room.id) ?? 0) > 0 || room.id === openRoom;
}

function byActivity(a, b) {
  return (activity.get(b.id) ?? 0) - (activity.get(a.id) ?? 0) || roomTitle(a).localeCompare(roomTitle(b));
}

function roomEntry(room) {
  const entry = button('room');
  entry.dataset.room = room.id;
  entry.dataset.kind = room.kind;
  const marker = room.kind === 'group' ? element('span', 'room-icon', '#') : element('span', 'presence');
  marker.ariaHidden = 'true';
  entry.append(marker, element('span', 'entry-name room-name'), element('span', 'badge'));
  if (room.kind === 'direct') entry.dataset.username = peerOf(room);
  entry.addEventListener('click', () => openListedRoom(room.id).catch(reportFailure));
  const item = element('li', 'room-item');
  item.dataset.room = room.id;
  item.append(entry);
  return item;
}

function renderUserList() {
  ui.userList.replaceChildren(...otherUsers().map(userEntry));
  renderRoomList();
}

function userEntry(username) {
  const entry = button('user');
  entry.dataset.username = username;
  const presence = element('span', 'presence');
  presence.ariaHidden = 'true';
  entry.append(presence, personName('entry-name user-name', username), element('span', 'badge'));
  entry.addEventListener('click', () => openPerson(username).catch(reportFailure));
  const item = element('li', 'user-item');
  item.append(entry);
  return item;
}

// Entries are updated in place rather than rebuilt, so focus and hover survive live updates.
// Screen readers get each entry's state in its label, since the dots and badges are pictures.
function refreshSidebar() {
  for (const entry of ui.userList.querySelectorAll('button.user')) {
    const username = entry.dataset.username;
    const room = directRoomWith(username);
    showPresence(entry, username);
    showBadge(entry, unread.get(room));
    entry.ariaLabel = entryLabel(displayName(username), username, unread.get(room));
    entry.ariaCurrent = isSelected(`user:${username}`, room) ? 'true' : null;
  }
  for (const entry of ui.roomList.querySelectorAll('button.room')) {
    const room = rooms.get(entry.dataset.room);
    if (!room) continue;
    const peer = room.kind === 'direct' ? peerOf(room) : undefined;
    entry.querySelector('.room-name').textContent = roomTitle(room);
    if (peer) showPresence(entry, peer);
    showBadge(entry, unread.get(room.id));
    entry.ariaLabel = entryLabel(roomTitle(room), peer, unread.get(room.id));
    entry.ariaCurrent = isSelected(peer ? `user:${peer}` : null, room.id) ? 'true' : null;
  }
  showUnreadInTitle(totalUnread());
}

function isSelected(personKey, roomId) {
  return selection !== null && (selection === personKey || selection === `room:${roomId}`);
}

function showPresence(entry, username) {
  const online = Boolean(users.get(username)?.online);
  const presence = entry.querySelector('.presence');
  presence.className = `presence ${online ? 'online' : 'offline'}`;
  presence.title = online ? 'online' : 'offline';
}

function entryLabel(name, person, count = 0) {
  const parts = [name];
  if (person) parts.push(users.get(person)?.online ? 'online' : 'offline');
  if (count) parts.push(`${count} unread`);
  return parts.join(', ');
}

function showBadge(entry, count = 0) {
  const badge = entry.querySelector('.badge');
  badge.textContent = count;
  badge.title = `${count} unread`;
  badge.hidden = count === 0;
}

function totalUnread() {
  return [...unread.values()].reduce((sum, count) => sum + count, 0);
}

function select(key) {
  selection = key;
  refreshSidebar();
}

// ---- The sidebar as a menu, on phones ----

function isMenuOpen() {
  return app.dataset.menu === 'open';
}

function setMenuOpen(open) {
  app.dataset.menu = open ? 'open' : 'closed';
  ui.menuButton.ariaExpanded = String(open);
  if (open) ui.sidebar.querySelector('button[aria-current="true"], button')?.focus();
}

// ---- New room form ----

function openNewRoomForm() {
  ui.newRoomName.value = '';
  ui.newRoomError.textContent = '';
  ui.newRoomMembers.replaceChildren(...otherUsers().map(memberChoice));
  ui.newRoomForm.hidden = false;
  ui.newRoomButton.ariaExpanded = 'true';
  ui.newRoomName.focus();
}

function closeNewRoomForm() {
  ui.newRoomForm.hidden = true;
  ui.newRoomButton.ariaExpanded = 'false';
}

function memberChoice(username) {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'member';
  box.value = username;
  const label = element('label', 'member-choice');
  label.append(box, element('span', 'member-choice-name', displayName(username)));
  return label;
}

async function createRoom() {
  const name = ui.newRoomName.value.trim();
  if (!name) throw new Error('A room needs a name.');
  const members = [...ui.newRoomMembers.querySelectorAll('input:checked')].map(box => box.value);
  const room = await apiJson('POST', 'api/rooms', { name, members });
  // The answer does not say who created the room: we did, which lets us remove members.
  rememberRoom({ ...room, createdBy: me });
  closeNewRoomForm();
  renderRoomList();
  return room;
}

// ---- Opening and closing a conversation ----

async function openPerson(username) {
  const key = `user:${username}`;
  select(key);
  const room = await api(`api/direct/${encodeURIComponent(username)}`, { method: 'POST' });
  rememberRoom(room);
  if (selection === key) await openConversation(room.id);
}

async function openListedRoom(roomId) {
  select(`room:${roomId}`);
  await openConversation(roomId);
}

async function openAtMessage(roomId, messageId) {
  if (!rooms.has(roomId)) await learnNewRooms();
  const room = rooms.get(roomId);
  if (!room) return;
  select(selectionKey(room));
  await openConversation(roomId, messageId);
}

async function openConversation(roomId, aroundId) {
  enterRoom(roomId);
  await (aroundId === undefined ? showLatest() : showAround(aroundId));
  if (openRoom !== roomId) return;
  // With many unread messages, the reader starts at the first of them rather than at the bottom.
  if (aroundId === undefined) ui.messages.querySelector('.new-marker')?.scrollIntoView({ block: 'start' });
  setComposerEnabled(true);
  ui.input.focus();
}

function enterRoom(roomId) {
  openRoom = roomId;
  app.dataset.room = roomId;
  showRoomInAddress(roomId);
  // Fixed now, so the "New messages" marker stays put while messages arrive and older pages load.
  unreadSince = { after: lastRead.get(roomId) ?? 0, upTo: lastSeen.get(roomId) ?? 0 };
  resetConversation();
  showNotice('');
  renderConversationHeader();
  renderRoomList();
  // On a phone the conversation takes the whole screen, so the menu gives way to it.
  if (narrowScreen.matches) setMenuOpen(false);
}

function closeConversation(notice) {
  openRoom = null;
  delete app.dataset.room;
  showRoomInAddress(null);
  selection = null;
  resetConversation();
  renderConversationHeader();
  showNotice(notice);
  renderRoomList();
}

// The open room is part of the page's address, so a reload, a bookmark or signing in again after the
// session ended comes back to it.
function showRoomInAddress(roomId) {
  const address = new URL(location.href);
  if (roomId) address.searchParams.set('room', roomId);
  else address.searchParams.delete('room');
  history.replaceState(null, '', address);
}

function roomInAddress() {
  return new URL(location.href).searchParams.get('room');
}

function resetConversation() {
  detach();
  clearTypists();
  ui.messages.replaceChildren();
  ui.loadOlder.hidden = true;
  ui.backToLatest.hidden = true;
  newBelow = 0;
  ui.roomMembers.open = false;
  setComposerEnabled(false);
}

function showNotice(text) {
  ui.notice.textContent = text;
}

// ---- Conversation header and members ----

function renderConversationHeader() {
  const room = rooms.get(openRoom);
  ui.title.textContent = room ? roomTitle(room) : noConversationTitle;
  const group = room?.kind === 'group';
  ui.roomTools.hidden = !group;
  if (group) renderMembers(room);
}

function renderMembers(room) {
  const members = [...room.members].sort(byDisplayName);
  const count = members.length === 1 ? '1 member' : `${members.length} members`;
  ui.membersSummary.textContent = `${count}: ${nameList.format(members.map(displayName))}`;
  ui.memberList.replaceChildren(...members.map(username => memberEntry(room, username)));
  renderAddMemberChoices(room);
}

function memberEntry(room, username) {
  const item = element('li', 'member');
  item.dataset.username = username;
  item.append(personName('member-name', username, username === me ? ' (you)' : ''));
  if (room.createdBy === username) item.append(element('span', 'member-role', 'creator'));
  if (room.createdBy === me && username !== me) {
    const remove = button('remove-member', 'Remove');
    remove.dataset.username = username;
    remove.ariaLabel = `Remove ${displayName(username)}`;
    item.append(remove);
  }
  return item;
}

function renderAddMemberChoices(room) {
  const candidates = otherUsers().filter(username => !room.members.includes(username));
  const prompt = new Option(candidates.length ? 'Choose someone…' : 'Everyone is here', '');
  ui.addMemberSelect.replaceChildren(prompt, ...candidates.map(username => new Option(displayName(username), username)));
  ui.addMemberSelect.disabled = candidates.length === 0;
  ui.addMemberButton.disabled = candidates.length === 0;
}

async function addMember() {
  const username = ui.addMemberSelect.value;
  const roomId = openRoom;
  if (!username || !roomId) return;
  rememberRoom(await apiJson('POST', roomPath(roomId, '/members'), { username }));
  if (openRoom === roomId) renderConversationHeader();
}

async function removeMember(username) {
  const roomId = openRoom;
  await api(roomPath(roomId, `/members/${encodeURIComponent(username)}`), { method: 'DELETE' });
  const room = rooms.get(roomId);
  if (room) room.members = room.members.filter(member => member !== username);
  if (openRoom === roomId) renderConversationHeader();
}

async function leaveRoom() {
  const room = rooms.get(openRoom);
  if (!room) return;
  await api(roomPath(room.id, `/members/${encodeURIComponent(me)}`), { method: 'DELETE' });
  forgetRoom(room.id, `You left ${room.name}.`);
}

// ---- Loading pages of messages ----

// Until reachLatest, live messages of the open room wait in heldBack, so none falls between a page
// and what is already on screen. Page loads still on their way are dropped when they arrive.
function detach() {
  atLatest = false;
  heldBack = [];
  loadCount += 1;
  return loadCount;
}

async function showLatest() {
  const room = openRoom;
  const load = detach();
  const page = await fetchHistory(room, { limit: PAGE_SIZE });
  if (load !== loadCount) return;
  ui.messages.replaceChildren();
  addMessages(page);
  ui.loadOlder.hidden = page.length < PAGE_SIZE;
  reachLatest();
  // Read once the reader is at the bottom: the scroll event tells (openConversation may scroll up to
  // "New messages" first).
  scrollToBottom();
  loadOlderIfNearTop();
}

// The hit's own page (before=id+1) ends with the hit; the page after it starts just below.
async function showAround(messageId) {
  const room = openRoom;
  const load = detach();
  const [before, after] = await Promise.all([
    fetchHistory(room, { before: messageId + 1, limit: CONTEXT_SIZE }),
    fetchHistory(room, { after: messageId, limit: CONTEXT_SIZE }),
  ]);
  if (load !== loadCount) return;
  ui.messages.replaceChildren();
  addMessages([...before, ...after]);
  ui.loadOlder.hidden = before.length < CONTEXT_SIZE;
  // A short page after the hit ends at the room's newest message: the view is the latest after all.
  if (after.length < CONTEXT_SIZE) reachLatest();
  else showJumpButton();
  highlight(messageId);
}

// One page at a time, however often the scroll event asks.
function loadOlder() {
  olderLoad ??= loadOlderPage().finally(() => { olderLoad = null; });
  return olderLoad;
}

async function loadOlderPage() {
  const room = openRoom;
  const load = loadCount;
  const oldest = ui.messages.querySelector('li.message[data-id]')?.dataset.id;
  const page = await fetchHistory(room, { before: oldest, limit: PAGE_SIZE });
  if (load !== loadCount) return;
  // Keep the reader's place while older messages are added above it.
  const fromBottom = ui.scroller.scrollHeight - ui.scroller.scrollTop;
  addMessages(page);
  ui.loadOlder.hidden = page.length < PAGE_SIZE;
  ui.scroller.scrollTop = ui.scroller.scrollHeight - fromBottom;
}

// Infinite scroll: nearing the top of what is loaded fetches the page before it. The "Load older" button
// stays for keyboards and for screens that are too tall to scroll.
function loadOlderIfNearTop() {
  if (openRoom && !ui.loadOlder.hidden && ui.scroller.scrollTop < LOAD_OLDER_WITHIN_PX) {
    loadOlder().catch(reportFailure);
  }
}

function onScroll() {
  loadOlderIfNearTop();
  showJumpButton();
  if (isWatching(openRoom) && unread.get(openRoom)) markRead(openRoom);
}

// "Jump to latest" shows whenever the newest messages are not on screen: scrolled up, or older context
// (around a search hit) loaded. It counts what arrived below meanwhile.
function showJumpButton() {
  const atBottom = atLatest && isNearBottom();
  if (atBottom) newBelow = 0;
  ui.backToLatest.hidden = atBottom;
  ui.backToLatest.textContent = newBelow === 0 ? 'Jump to latest ↓'
    : `${newBelow} new ${newBelow === 1 ? 'message' : 'messages'} ↓`;
}

// The list now ends at the newest message: add what arrived meanwhile, then our unacked sends.
function reachLatest() {
  atLatest = true;
  heldBack.forEach(addMessage);
  heldBack = [];
  for (const [clientId, sent] of outbox) {
    if (sent.room === openRoom && !findByClientId(clientId)) ui.messages.append(pendingMessage(clientId, sent));
  }
  messagesChanged();
  showJumpButton();
  if (isWatching(openRoom)) markRead(openRoom);
}

function jumpToLatest() {
  if (!atLatest) {
    showLatest().catch(reportFailure);
    return;
  }
  scrollToBottom();
  showJumpButton();
  ui.input.focus();
}

// ---- Message list ----

function addMessages(messages) {
  messages.forEach(addMessage);
  messagesChanged();
}

// History pages and live frames overlap, and an ack may already have confirmed our own
// message: an id that is on screen is never added twice.
function addMessage(message) {
  if (messageItem(message.id)) return;
  if (message.clientId) findByClientId(message.clientId)?.remove();
  insertInOrder(messageElement(message));
}

// A live message of the open room: shown now, or held back while an older part of the room is shown.
function showLiveMessage(message) {
  stopTyping(message.sender);
  if (!atLatest) {
    heldBack.push(message);
    return;
  }
  const follow = isNearBottom();
  addMessages([message]);
  if (follow) {
    scrollToBottom();
  } else if (message.sender !== me) {
    newBelow += 1;
  }
  showJumpButton();
}

// Confirmed messages sit in id order; pending ones (no id yet) stay below them all.
function insertInOrder(item) {
  const id = Number(item.dataset.id);
  const next = [...ui.messages.querySelectorAll('li.message')]
    .find(other => other !== item && (other.dataset.id === undefined || Number(other.dataset.id) > id));
  ui.messages.insertBefore(item, next ?? null);
}

function messageItem(id) {
  return ui.messages.querySelector(`li.message[data-id="${id}"]`);
}

function findByClientId(clientId) {
  return ui.messages.querySelector(`li.message[data-client-id="${CSS.escape(clientId)}"]`);
}

function messageElement({ id, sender, body, sentAt, clientId, editedAt, deleted, moderated }) {
  const item = element('li', 'message');
  item.classList.toggle('mine', sender === me);
  item.dataset.sender = sender;
  if (id !== undefined) item.dataset.id = id;
  if (clientId && sender === me) item.dataset.clientId = clientId;
  const meta = element('div', 'message-meta');
  const time = document.createElement('time');
  if (sentAt) setTime(time, sentAt, clock);
  meta.append(personName('message-sender', sender), time);
  item.append(meta, bodyElement(body));
  if (sender === me) {
    meta.append(element('span', 'message-status'));
    item.append(messageActions());
    if (id !== undefined) showDelivery(item, { state: 'sent' });
  }
  if (editedAt) showEditedMark(item, editedAt);
  if (deleted) showDeleted(item, moderated);
  return item;
}

function bodyElement(body) {
  const text = element('p', 'message-body');
  text.append(messageText(body));
  return text;
}

function pendingMessage(clientId, sent) {
  const item = messageElement({ sender: me, body: sent.body, clientId });
  showDelivery(item, sent);
  return item;
}

const deliveryWords = {
  sending: 'Sending…',
  waiting: 'Waiting for the connection…',
  failed: 'Not sent',
  sent: 'Sent',
};

// Where one of our messages is on its way: it shows at once as "Sending…" and turns "Sent" on its ack.
// A refused one says why and offers to send it again (with its clientId, so it is stored once at most).
function showDelivery(item, { state, reason, retryable }) {
  item.dataset.delivery = state;
  item.classList.toggle('pending', state === 'sending' || state === 'waiting');
  item.classList.toggle('failed', state === 'failed');
  const status = item.querySelector('.message-status');
  status.textContent = deliveryWords[state];
  status.title = reason ?? '';
  item.querySelector('.delivery-actions')?.remove();
  if (state === 'failed') item.append(deliveryActions(retryable));
}

function deliveryActions(retryable) {
  const actions = element('div', 'delivery-actions');
  if (retryable) actions.append(button('retry-send', 'Retry'));
  actions.append(button('discard-send', 'Discard'));
  return actions;
}

function refreshDelivery(clientId) {
  const item = findByClientId(clientId);
  const sent = outbox.get(clientId);
  if (item && sent && !item.dataset.id) showDelivery(item, sent);
}

function setTime(time, sentAt, format) {
  const date = new Date(sentAt);
  time.dateTime = sentAt;
  time.textContent = format.format(date);
  time.title = date.toLocaleString();
}

// Markers between messages depend on their neighbours, so they are checked after every change:
// pages arrive at both ends, and "Today" becomes "Yesterday" at midnight. Markers that are still
// right stay in place, so the list's live region does not announce them again.
function messagesChanged() {
  placeNewMarker();
  placeDaySeparators();
  groupBySender();
}

// A message from the same sender soon after their previous one, with nothing in between, continues it:
// the name is shown once per group (screen readers still hear it on every message).
function groupBySender() {
  let previous = null;
  for (const node of ui.messages.children) {
    const isMessage = node.matches('li.message');
    if (isMessage) node.classList.toggle('continued', previous !== null && continues(previous, node));
    previous = isMessage ? node : null;
  }
}

function continues(previous, item) {
  return previous.dataset.sender === item.dataset.sender
    && messageDate(item) - messageDate(previous) < GROUP_WITHIN_MS;
}

// "New messages" goes above the first message from someone else that was unread when the room was
// opened (a tombstone has nothing to read). If that one is not loaded yet, it goes above the oldest
// loaded one and moves up with older pages.
function placeNewMarker() {
  const { after, upTo } = unreadSince;
  const first = [...ui.messages.querySelectorAll('li.message[data-id]:not(.deleted)')].find(item => {
    const id = Number(item.dataset.id);
    return id > after && id <= upTo && item.dataset.sender !== me;
  });
  const marker = ui.messages.querySelector('.new-marker');
  if (marker && marker.nextElementSibling === first) return;
  marker?.remove();
  first?.before(element('li', 'new-marker', 'New messages'));
}

// A separator sits above the first message of each local day, and above "New messages" if that is there.
function placeDaySeparators() {
  const wanted = new Map(); // first message of a day -> its label
  let previousDay = null;
  for (const item of ui.messages.querySelectorAll('li.message')) {
    const date = messageDate(item);
    if (localDay(date) !== previousDay) wanted.set(item, dayLabel(date));
    previousDay = localDay(date);
  }
  for (const separator of ui.messages.querySelectorAll('.day-separator')) {
    const item = nextMessage(separator);
    if (wanted.get(item) === separator.textContent) wanted.delete(item);
    else separator.remove();
  }
  for (const [item, label] of wanted) {
    const anchor = item.previousElementSibling?.matches('.new-marker') ? item.previousElementSibling : item;
    anchor.before(element('li', 'day-separator', label));
  }
}

function nextMessage(node) {
  let next = node.nextElementSibling;
  while (next && !next.matches('li.message')) next = next.nextElementSibling;
  return next;
}

// A pending message has no time yet: it is being sent now.
function messageDate(item) {
  const sentAt = item.querySelector('time').dateTime;
  return sentAt ? new Date(sentAt) : new Date();
}

function localDay(date) {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

function dayLabel(date) {
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (localDay(date) === localDay(today)) return 'Today';
  if (localDay(date) === localDay(yesterday)) return 'Yesterday';
  return dayFormat.formatToParts(date).filter(part => part.type !== 'literal').map(part => part.value).join(' ');
}

function highlight(messageId) {
  const item = messageItem(messageId);
  if (!item) return;
  item.classList.add('highlight');
  item.scrollIntoView({ block: 'center' });
  setTimeout(() => item.classList.remove('highlight'), HIGHLIGHT_MS);
}

function isNearBottom() {
  const { scrollHeight, scrollTop, clientHeight } = ui.scroller;
  return scrollHeight - scrollTop - clientHeight < 80;
}

function scrollToBottom() {
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

// textContent only: names and bodies are user input and may contain markup.
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className, text) {
  const node = element('button', className, text);
  node.type = 'button';
  return node;
}

// ---- Editing and deleting own messages ----

function messageActions() {
  const actions = element('div', 'message-actions');
  actions.append(button('edit-message', 'Edit'), button('delete-message', 'Delete'));
  return actions;
}

function startEditing(item) {
  const body = item.querySelector('.message-body');
  const input = element('textarea', 'edit-input');
  input.value = body.textContent;
  input.rows = Math.min(8, input.value.split('\n').length + 1);
  input.ariaLabel = 'Edit message';
  const save = element('button', 'button save-edit', 'Save');
  save.type = 'submit';
  const editor = element('form', 'message-editor');
  editor.append(input, save, button('button button-quiet cancel-edit', 'Cancel'), element('p', 'edit-error'));
  item.classList.add('editing');
  body.after(editor);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}

// Focus goes back to the Edit button, unless the user has moved on while a save was under way.
function stopEditing(item) {
  const editor = item.querySelector('.message-editor');
  const hadFocus = editor?.contains(document.activeElement);
  editor?.remove();
  item.classList.remove('editing');
  if (hadFocus) item.querySelector('.edit-message').focus();
}

async function saveEdit(item) {
  const editor = item.querySelector('.message-editor');
  const body = editor.querySelector('.edit-input').value.trim();
  const error = editor.querySelector('.edit-error');
  if (body === item.querySelector('.message-body').textContent) {
    stopEditing(item);
    return;
  }
  if (!body) {
    error.textContent = 'A message cannot be empty; delete it instead.';
    return;
  }
  const save = editor.querySelector('.save-edit');
  save.disabled = true;
  try {
    applyEdit(await apiJson('PATCH', roomPath(openRoom, `/messages/${item.dataset.id}`), { body }));
    stopEditing(item);
  } catch (failure) {
    if (failure instanceof SignedOut) return;
    error.textContent = failure.message;
    save.disabled = false;
  }
}

async function deleteMessage(item) {
  if (!confirm('Delete this message? Everyone in the conversation will see that it was deleted.')) return;
  const room = openRoom;
  const id = Number(item.dataset.id);
  await api(roomPath(room, `/messages/${id}`), { method: 'DELETE' });
  applyDeletion({ room, id });
}

// From our own request or from an "edited" frame; both may come, in either order.
function applyEdit({ room, id, body, editedAt }) {
  updateSearchHit(id, body);
  const item = room === openRoom && messageItem(id);
  if (!item || item.classList.contains('deleted')) return;
  item.querySelector('.message-body').replaceWith(bodyElement(body));
  showEditedMark(item, editedAt);
}

function applyDeletion({ room, id, moderated }) {
  updateSearchHit(id, null);
  const item = room === openRoom && messageItem(id);
  if (!item) return;
  showDeleted(item, moderated);
  messagesChanged(); // "New messages" never sits above a tombstone
}

function showEditedMark(item, editedAt) {
  let mark = item.querySelector('.edited-mark');
  if (!mark) {
    mark = element('span', 'edited-mark', '(edited)');
    item.querySelector('.message-meta').append(mark);
  }
  mark.title = `Edited ${new Date(editedAt).toLocaleString()}`;
}

function showDeleted(item, moderated) {
  if (item.classList.contains('deleted')) return;
  item.classList.remove('editing');
  item.classList.add('deleted');
  item.querySelectorAll('.message-body, .message-actions, .message-editor, .edited-mark, .message-status')
    .forEach(node => node.remove());
  item.append(element('p', 'message-tombstone',
    moderated ? 'This message was removed by a moderator' : 'This message was deleted'));
}

// ---- Typing ----

function noteTyping(username) {
  clearTimeout(typists.get(username));
  typists.set(username, setTimeout(() => stopTyping(username), TYPING_SHOW_MS));
  renderTyping();
}

function stopTyping(username) {
  clearTimeout(typists.get(username));
  if (typists.delete(username)) renderTyping();
}

function clearTypists() {
  typists.forEach(timer => clearTimeout(timer));
  typists.clear();
  renderTyping();
}

function renderTyping() {
  const names = [...typists.keys()].map(displayName);
  const verb = names.length === 1 ? 'is' : 'are';
  ui.typing.textContent = names.length ? `${nameList.format(names)} ${verb} typing…` : '';
}

// ---- Composer and read markers ----

function setComposerEnabled(enabled) {
  ui.input.disabled = !enabled;
  updateCounter();
}

// The server counts Unicode code points of the trimmed text, and so does the counter.
function updateCounter() {
  const left = maxLength - [...ui.input.value.trim()].length;
  ui.counter.hidden = maxLength - left < counterFrom;
  ui.counter.textContent = left >= 0 ? `${characters(left)} left` : `${characters(-left)} too many`;
  ui.counter.classList.toggle('over', left < 0);
  ui.send.disabled = ui.input.disabled || left < 0;
}

function characters(count) {
  return count === 1 ? '1 character' : `${count} characters`;
}

function sendMessage() {
  const body = ui.input.value.trim();
  if (!body || !openRoom || [...body].length > maxLength) return;
  const clientId = newClientId();
  const sent = { room: openRoom, body, state: 'sending' };
  outbox.set(clientId, sent);
  ui.input.value = '';
  updateCounter();
  showError('');
  transmit(clientId);
  // A new message belongs below the newest one; from older context, go there (it shows the outbox).
  if (!atLatest) {
    jumpToLatest();
    return;
  }
  ui.messages.append(pendingMessage(clientId, sent));
  messagesChanged();
  scrollToBottom();
}

// Without a live connection the message waits in the outbox; onResumed sends it. Sending again is
// safe because the server stores a clientId once and answers a repeat with the same ack.
function transmit(clientId) {
  const sent = outbox.get(clientId);
  sent.state = live ? 'sending' : 'waiting';
  delete sent.reason;
  if (live) sendFrame({ type: 'send', room: sent.room, clientId, body: sent.body });
  refreshDelivery(clientId);
}

function retrySend(clientId) {
  if (!outbox.has(clientId)) return;
  showError('');
  transmit(clientId);
}

function discardSend(clientId) {
  outbox.delete(clientId);
  findByClientId(clientId)?.remove();
  messagesChanged();
  ui.input.focus();
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

function announceTyping() {
  const room = openRoom;
  if (!live || !room || Date.now() - (typingSent.get(room) ?? 0) < TYPING_SEND_INTERVAL_MS) return;
  typingSent.set(room, Date.now());
  sendFrame({ type: 'typing', room });
}

// A room counts as read only while its newest messages are on a visible screen.
function isWatching(room) {
  return Boolean(room) && room === openRoom && atLatest && isNearBottom() && document.visibilityState === 'visible';
}

function markRead(room) {
  const upTo = lastSeen.get(room) ?? 0;
  unread.delete(room);
  advanceReadMarker(room, upTo);
  refreshSidebar();
  if (live && upTo) sendFrame({ type: 'read', room, upTo });
}

function onVisibilityChange() {
  if (isWatching(openRoom)) markRead(openRoom);
  refreshSidebar();
}

function showError(text) {
  ui.error.textContent = text;
}

// ---- Search ----

async function startSearch() {
  const query = ui.searchInput.value.trim();
  if (!query) return;
  searchQuery = query;
  searchCount += 1;
  ui.searchHits.replaceChildren();
  ui.searchResults.hidden = false;
  await loadSearchPage();
}

// Results come newest first, so the next page is the one before the last hit shown.
async function loadSearchPage() {
  const search = searchCount;
  const before = ui.searchHits.lastElementChild?.dataset.id;
  ui.searchMore.hidden = true;
  ui.searchStatus.textContent = 'Searching…';
  let hits;
  try {
    hits = await api(`api/search?${queryString({ q: searchQuery, before, limit: SEARCH_PAGE_SIZE })}`);
  } catch (error) {
    if (search === searchCount && !(error instanceof SignedOut)) ui.searchStatus.textContent = error.message;
    return;
  }
  if (search !== searchCount) return;
  ui.searchHits.append(...hits.map(searchHitElement));
  ui.searchMore.hidden = hits.length < SEARCH_PAGE_SIZE;
  ui.searchStatus.textContent = ui.searchHits.children.length ? '' : `Nothing matches “${searchQuery}”.`;
}

function closeSearch() {
  searchCount += 1;
  ui.searchResults.hidden = true;
  ui.searchHits.replaceChildren();
  ui.searchStatus.textContent = '';
}

function searchHitElement(hit) {
  const room = rooms.get(hit.room);
  const time = document.createElement('time');
  setTime(time, hit.sentAt, dateAndTime);
  const open = button('search-hit-open');
  open.append(element('span', 'search-hit-room', room ? roomTitle(room) : 'Another conversation'),
    personName('search-hit-sender', hit.sender), time,
    element('span', 'search-hit-body', hit.body));
  open.addEventListener('click', () => openSearchHit(hit));
  const item = element('li', 'search-hit');
  item.dataset.id = hit.id;
  item.dataset.room = hit.room;
  item.append(open);
  return item;
}

function openSearchHit({ room, id }) {
  // On a phone the panel covers the conversation the hit opens.
  if (narrowScreen.matches) closeSearch();
  openAtMessage(room, id).catch(reportFailure);
}

// Keeps a result that is on screen in step with edits and deletions (body null: deleted).
function updateSearchHit(id, body) {
  const hit = ui.searchHits.querySelector(`li.search-hit[data-id="${id}"]`);
  if (!hit) return;
  hit.classList.toggle('deleted', body === null);
  hit.querySelector('.search-hit-body').textContent = body ?? 'This message was deleted';
}

// ---- WebSocket ----

function connect() {
  const url = new URL('ws', root);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url, ['parley.batch']);
  socket.addEventListener('message', receive);
  socket.addEventListener('close', onClose);
}

function isConnecting() {
  return socket !== null && socket.readyState <= WebSocket.OPEN;
}

function sendFrame(frame) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

// "pong" has no handler: the ping exists only to keep idle connections from being cut.
const frameHandlers = {
  ready: onReady,
  message: onMessageFrame,
  resumed: onResumed,
  ack: onAck,
  presence: onPresence,
  typing: onTyping,
  edited: applyEdit,
  deleted: applyDeletion,
  room: onRoomFrame,
  removed: ({ room }) => forgetRoom(room),
  read: onReadFrame,
  error: onError,
};

// With the parley.batch subprotocol one WebSocket message may carry an array of frames.
function receive(event) {
  const data = JSON.parse(event.data);
  for (const frame of Array.isArray(data) ? data : [data]) frameHandlers[frame.type]?.(frame);
}

function onReady() {
  retries = 0;
  replay = [];
  sendFrame({ type: 'resume', rooms: Object.fromEntries(lastSeen) });
  clearInterval(pingTimer);
  pingTimer = setInterval(() => sendFrame({ type: 'ping' }), PING_INTERVAL_MS);
  // Presence changes and rooms joined while we were disconnected were never sent to us.
  if (connectedBefore) {
    loadUsers().catch(reportFailure);
    learnNewRooms();
  }
  connectedBefore = true;
}

function onMessageFrame(message) {
  if (replay) replay.push(message);
  else if (applyMessage(message)) callAttentionTo(message);
}

// Replayed and live frames may overlap until "resumed"; sorting by id and skipping what is
// already applied gives each room's messages exactly once, in order.
function onResumed() {
  const frames = replay.sort((a, b) => a.id - b.id);
  replay = null;
  frames.forEach(applyMessage);
  live = true;
  setConnectionState('live');
  for (const [clientId, sent] of outbox) {
    if (sent.state !== 'failed') transmit(clientId);
  }
  if (isWatching(openRoom)) markRead(openRoom);
}

// Answers whether the message was new here (false for one already applied).
function applyMessage(message) {
  const { room, id, sender } = message;
  if (id <= (lastSeen.get(room) ?? 0)) return false;
  lastSeen.set(room, id);
  noteActivity(room, id);
  // Our own message, stored: it needs no resending even if its ack was lost with a connection.
  if (sender === me) outbox.delete(message.clientId);
  if (!rooms.has(room)) learnNewRooms();
  if (room === openRoom) showLiveMessage(message);
  if (isWatching(room)) {
    markRead(room);
  } else if (sender !== me) {
    unread.set(room, (unread.get(room) ?? 0) + 1);
  }
  renderRoomList();
  return true;
}

// A live message from someone else, while this tab is not where the person is looking.
// (Replayed backlog after a reconnect notifies nobody: it would be a burst of old news.)
function callAttentionTo({ room, sender, body, deleted }) {
  if (sender === me || (document.visibilityState === 'visible' && document.hasFocus())) return;
  const known = rooms.get(room);
  notify({
    title: known?.kind === 'group' ? `${displayName(sender)} in ${known.name}` : displayName(sender),
    body: deleted ? 'This message was deleted' : body,
    tag: room,
    onOpen: () => openListedRoom(room).catch(reportFailure),
  });
}

// The ack confirms our message before its "message" frame arrives. It must not move
// lastSeen: earlier messages of the room may still be on their way.
function onAck({ clientId, id, sentAt }) {
  outbox.delete(clientId);
  const item = findByClientId(clientId);
  if (!item || item.dataset.id) return;
  item.dataset.id = id;
  setTime(item.querySelector('time'), sentAt, clock);
  showDelivery(item, { state: 'sent' });
  insertInOrder(item);
  messagesChanged();
}

function onPresence({ user, online }) {
  const known = users.get(user);
  if (!known) {
    loadUsers().catch(reportFailure); // someone who signed up after the page loaded
    return;
  }
  known.online = online;
  refreshSidebar();
}

function onTyping({ room, user }) {
  if (room === openRoom && user !== me) noteTyping(user);
}

// A group room we were added to, or whose members changed.
function onRoomFrame({ room }) {
  const isNew = !rooms.has(room.id);
  rememberRoom(room);
  // A room just created or joined has no messages yet, but it is the newest thing that happened.
  if (isNew) noteActivity(room.id, Math.max(0, ...activity.values()) + 0.5);
  renderRoomList();
  if (room.id === openRoom) renderConversationHeader();
}

// Another tab of ours read the room; its count is only known to be zero if it read the newest.
function onReadFrame({ room, upTo }) {
  advanceReadMarker(room, upTo);
  if (upTo < (lastSeen.get(room) ?? 0)) return;
  unread.delete(room);
  refreshSidebar();
}

function onError({ code, message, clientId, room }) {
  // A room we were removed from while disconnected is refused by "resume", "typing" and "read".
  if (code === 'not_member' && room && !clientId) {
    forgetRoom(room);
    return;
  }
  showError(message || code);
  const sent = clientId && outbox.get(clientId);
  if (!sent) return;
  Object.assign(sent, { state: 'failed', reason: message || code, retryable: RETRYABLE.has(code) });
  const follow = isNearBottom();
  refreshDelivery(clientId);
  if (follow) scrollToBottom(); // its Retry button must not end up below the screen
}

// Sends still unacked wait for the next connection; they go again, with their clientIds, after "resumed".
function onClose() {
  live = false;
  replay = null;
  socket = null;
  clearInterval(pingTimer);
  if (signingOut) return;
  for (const [clientId, sent] of outbox) {
    if (sent.state === 'sending') sent.state = 'waiting';
    refreshDelivery(clientId);
  }
  scheduleReconnect();
}

// Exponential backoff with jitter: half of each delay is random, so the many tabs that one server
// restart cut off do not all knock again at the same moment.
function retryDelay(attempt) {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function scheduleReconnect() {
  const delay = retryDelay(retries);
  retries += 1;
  reconnectAt = Date.now() + delay;
  clearTimeout(reconnectTimer);
  reconnectTimer = setTimeout(reconnect, delay);
  setConnectionState('reconnecting');
}

// A refused handshake looks like any other failed connection; /api/me tells an ended session
// (go to sign-in) apart from a server that is briefly away (try again).
async function reconnect() {
  clearTimeout(reconnectTimer);
  if (isConnecting()) return;
  reconnectAt = 0;
  showConnectionText();
  try {
    const signedIn = await api('api/me');
    // Someone else signed in on this browser meanwhile: this page belongs to the previous person.
    if (signedIn.username !== me) {
      location.reload();
      return;
    }
  } catch (error) {
    if (error instanceof SignedOut) return;
  }
  if (!isConnecting()) connect();
}

// The banner shows while the connection is down and goes away by itself once it is back.
function setConnectionState(state) {
  app.dataset.connection = state;
  ui.status.hidden = state !== 'reconnecting';
  clearInterval(countdownTimer);
  if (state === 'reconnecting') countdownTimer = setInterval(showConnectionText, 1_000);
  showConnectionText();
}

function showConnectionText() {
  const seconds = Math.ceil((reconnectAt - Date.now()) / 1_000);
  ui.statusText.textContent = seconds > 0
    ? `Connection lost. Reconnecting in ${seconds} s…`
    : 'Connection lost. Reconnecting…';
}

// ---- Controls and start ----

// A page, not a call: after a company sign-in it continues to the provider's sign-out, then to sign-in.
function signOut() {
  signingOut = true;
  location.assign(new URL('signout', root));
}

// Enter sends and Shift+Enter starts a new line; during IME composition Enter confirms text.
function submitOnEnter(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    event.target.form.requestSubmit();
  }
}

function onSubmit(form, action) {
  form.addEventListener('submit', event => {
    event.preventDefault();
    action();
  });
}

function bindSidebar() {
  ui.newRoomButton.addEventListener('click', () => (ui.newRoomForm.hidden ? openNewRoomForm() : closeNewRoomForm()));
  ui.cancelNewRoom.addEventListener('click', closeNewRoomForm);
  onSubmit(ui.newRoomForm, () => createRoom().then(
    room => openListedRoom(room.id).catch(reportFailure),
    error => {
      if (!(error instanceof SignedOut)) ui.newRoomError.textContent = error.message;
    }));
}

function bindConversation() {
  onSubmit(ui.addMemberForm, () => addMember().catch(reportFailure));
  ui.memberList.addEventListener('click', event => {
    const remove = event.target.closest('button.remove-member');
    if (remove) removeMember(remove.dataset.username).catch(reportFailure);
  });
  ui.leaveRoom.addEventListener('click', () => leaveRoom().catch(reportFailure));
  // The open members panel covers the messages; a click anywhere else closes it.
  document.addEventListener('click', event => {
    if (!ui.roomMembers.contains(event.target)) ui.roomMembers.open = false;
  });
  ui.loadOlder.addEventListener('click', () => loadOlder().catch(reportFailure));
  ui.backToLatest.addEventListener('click', jumpToLatest);
  ui.scroller.addEventListener('scroll', onScroll, { passive: true });
  bindMessageControls();
}

// One listener each for the buttons and editors of every message, present and future.
function bindMessageControls() {
  ui.messages.addEventListener('click', event => {
    const control = event.target.closest('button');
    const item = control?.closest('li.message');
    if (!item) return;
    if (control.matches('.edit-message')) startEditing(item);
    else if (control.matches('.delete-message')) deleteMessage(item).catch(reportFailure);
    else if (control.matches('.cancel-edit')) stopEditing(item);
    else if (control.matches('.retry-send')) retrySend(item.dataset.clientId);
    else if (control.matches('.discard-send')) discardSend(item.dataset.clientId);
  });
  ui.messages.addEventListener('submit', event => {
    event.preventDefault();
    saveEdit(event.target.closest('li.message'));
  });
  ui.messages.addEventListener('keydown', event => {
    if (!event.target.matches('.edit-input')) return;
    if (event.key === 'Escape') {
      event.preventDefault(); // this Escape is spent: no panel closes with it
      stopEditing(event.target.closest('li.message'));
    } else {
      submitOnEnter(event);
    }
  });
}

function bindComposer() {
  onSubmit(ui.composer, sendMessage);
  ui.input.addEventListener('keydown', submitOnEnter);
  ui.input.addEventListener('input', () => {
    announceTyping();
    updateCounter();
  });
}

function bindSearch() {
  onSubmit(ui.searchForm, startSearch);
  ui.searchMore.addEventListener('click', loadSearchPage);
  ui.closeSearch.addEventListener('click', closeSearch);
}

// Escape closes the panel that was opened last: a room's members, the new-room form, the phone menu,
// then the search results. Focus goes back to what opened it.
function closePanelOnEscape(event) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  if (ui.roomMembers.open) {
    ui.roomMembers.open = false;
    ui.membersSummary.focus();
  } else if (!ui.newRoomForm.hidden) {
    closeNewRoomForm();
    ui.newRoomButton.focus();
  } else if (narrowScreen.matches && isMenuOpen()) {
    setMenuOpen(false);
    ui.menuButton.focus();
  } else if (!ui.searchResults.hidden) {
    closeSearch();
    ui.searchInput.focus();
  }
}

function bindConnection() {
  ui.reconnectNow.addEventListener('click', reconnect);
  // The device has a network again: no need to wait out the backoff.
  window.addEventListener('online', () => {
    if (!live) reconnect();
  });
}

function bindNotifications() {
  showNotificationSetting(notificationSetting());
  ui.notifications.addEventListener('click', () => toggleNotifications().then(showNotificationSetting));
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
  ui.menuButton.addEventListener('click', () => setMenuOpen(!isMenuOpen()));
  document.addEventListener('keydown', closePanelOnEscape);
  document.addEventListener('visibilitychange', onVisibilityChange);
  bindSidebar();
  bindConversation();
  bindComposer();
  bindSearch();
  bindConnection();
  bindNotifications();
  await Promise.all([loadUsers(), loadRooms()]);
  renderRoomList();
  connect();
  const wanted = roomInAddress();
  if (rooms.has(wanted)) await openListedRoom(wanted);
  else if (wanted) showRoomInAddress(null);
}

start().catch(reportFailure);
