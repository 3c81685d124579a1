// Parley's chat page: the people sidebar, one open direct conversation, and the WebSocket that
// keeps both live. Everything here follows the client contract in docs/protocol.md.

const PAGE_SIZE = 50;
const PING_INTERVAL_MS = 25_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const TYPING_SEND_INTERVAL_MS = 3_000;
const TYPING_SHOW_MS = 4_000;

const app = document.getElementById('app');
const me = app.dataset.user;
// URLs are built from the context path so the app also works when deployed under a prefix.
const root = new URL(`${app.dataset.contextPath}/`, location.origin);
const signInUrl = new URL('signin.xhtml', root);

const ui = {
  status: document.getElementById('connection-status'),
  signOut: document.getElementById('sign-out'),
  userList: document.getElementById('user-list'),
  title: document.getElementById('conversation-title'),
  typing: document.getElementById('typing-indicator'),
  scroller: document.getElementById('message-scroller'),
  loadOlder: document.getElementById('load-older'),
  messages: document.getElementById('message-list'),
  composer: document.getElementById('composer'),
  input: document.getElementById('composer-input'),
  send: document.getElementById('send-button'),
  error: document.getElementById('composer-error'),
};

const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const users = new Map();    // username -> {username, displayName, online}
const rooms = new Map();    // room id -> {id, kind, members}
const lastSeen = new Map(); // room id -> id of the last message applied from the server
const unread = new Map();   // room id -> others' messages that arrived while it was not open
const outbox = new Map();   // clientId -> {room, body}, until the server acks it

let openRoom = null;        // id of the conversation on screen
let selectedPeer = null;    // the person clicked last; a slower, earlier click must not win
let typingUser = null;
let typingTimer = 0;
let lastTypingSent = 0;
let roomsRefresh = null;

let socket = null;
let live = false;           // true between "resumed" and the next close: sends may go out
let replay = null;          // message frames collected between "resume" and "resumed"
let retries = 0;
let pingTimer = 0;
let connectedBefore = false;
let signingOut = false;

class SignedOut extends Error {}

// ---- HTTP ----

async function api(path, options = {}) {
  const response = await fetch(new URL(path, root), options);
  if (response.status === 401) {
    location.assign(signInUrl);
    throw new SignedOut('Your session has ended.');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.message ?? `Request failed (${response.status}).`);
  }
  return response.status === 204 ? null : response.json();
}

function reportFailure(error) {
  if (!(error instanceof SignedOut)) showError(error.message);
}

async function loadUsers() {
  const list = await api('api/users');
  users.clear();
  for (const user of list) users.set(user.username, user);
  renderUserList();
}

// The first load sets each room's starting point: everything up to lastMessageId is history
// (fetched over HTTP when opened), everything after it comes over the WebSocket.
async function loadRooms() {
  for (const room of await api('api/rooms')) {
    rooms.set(room.id, room);
    lastSeen.set(room.id, room.lastMessageId ?? 0);
    unread.set(room.id, room.unread ?? 0);
  }
}

// A message arrived for a room created after the page loaded. Later loads must not move
// lastSeen: frames still queued behind this one would be skipped.
function learnNewRooms() {
  roomsRefresh ??= api('api/rooms')
    .then(list => {
      list.forEach(rememberRoom);
      refreshSidebar();
    })
    .catch(reportFailure)
    .finally(() => { roomsRefresh = null; });
}

// A room first seen now is resumed from its start, so no message of it can fall in a gap.
function rememberRoom(room) {
  rooms.set(room.id, room);
  if (!lastSeen.has(room.id)) lastSeen.set(room.id, 0);
}

function fetchHistory(roomId, before) {
  const query = new URLSearchParams({ limit: PAGE_SIZE });
  if (before) query.set('before', before);
  return api(`api/rooms/${encodeURIComponent(roomId)}/messages?${query}`);
}

// ---- Sidebar ----

function displayName(username) {
  return users.get(username)?.displayName || username;
}

function directRoomWith(username) {
  for (const room of rooms.values()) {
    if (room.kind === 'direct' && room.members.includes(username)) return room.id;
  }
  return null;
}

function renderUserList() {
  const others = [...users.keys()]
    .filter(username => username !== me)
    .sort((a, b) => displayName(a).localeCompare(displayName(b)));
  ui.userList.replaceChildren(...others.map(userEntry));
  refreshSidebar();
}

function userEntry(username) {
  const button = element('button', 'user');
  button.type = 'button';
  button.dataset.username = username;
  button.append(element('span', 'presence'), element('span', 'user-name', displayName(username)),
    element('span', 'badge'));
  button.addEventListener('click', () => openConversation(username).catch(reportFailure));
  const item = element('li', 'user-item');
  item.append(button);
  return item;
}

// Entries are updated in place rather than rebuilt, so focus and hover survive live updates.
function refreshSidebar() {
  for (const button of ui.userList.querySelectorAll('button.user')) {
    const username = button.dataset.username;
    const online = Boolean(users.get(username)?.online);
    const presence = button.querySelector('.presence');
    presence.className = `presence ${online ? 'online' : 'offline'}`;
    presence.title = online ? 'online' : 'offline';
    const count = unread.get(directRoomWith(username)) ?? 0;
    const badge = button.querySelector('.badge');
    badge.textContent = count;
    badge.hidden = count === 0;
    button.ariaCurrent = username === selectedPeer ? 'true' : null;
  }
}

// ---- Conversation ----

async function openConversation(username) {
  selectedPeer = username;
  refreshSidebar();
  const room = await api(`api/direct/${encodeURIComponent(username)}`, { method: 'POST' });
  rememberRoom(room);
  if (selectedPeer !== username) return;

  openRoom = room.id;
  app.dataset.room = room.id;
  unread.delete(room.id);
  refreshSidebar();
  ui.title.textContent = displayName(username);
  ui.messages.replaceChildren();
  ui.loadOlder.hidden = true;
  showTyping(null);
  setComposerEnabled(false);

  const page = await fetchHistory(room.id);
  if (openRoom !== room.id) return;
  showPage(page);
  for (const [clientId, sent] of outbox) {
    if (sent.room === room.id) ui.messages.append(pendingMessage(clientId, sent.body));
  }
  scrollToBottom();
  markRead(room.id);
  setComposerEnabled(true);
  ui.input.focus();
}

async function loadOlder() {
  const room = openRoom;
  const oldest = ui.messages.querySelector('[data-id]')?.dataset.id;
  const page = await fetchHistory(room, oldest);
  if (openRoom !== room) return;
  // Keep the reader's place while older messages are added above it.
  const fromBottom = ui.scroller.scrollHeight - ui.scroller.scrollTop;
  showPage(page);
  ui.scroller.scrollTop = ui.scroller.scrollHeight - fromBottom;
}

function showPage(page) {
  page.forEach(showMessage);
  ui.loadOlder.hidden = page.length < PAGE_SIZE;
}

// History pages and live frames overlap, and an ack may already have confirmed our own
// message: an id that is on screen is never added twice.
function showMessage(message) {
  if (ui.messages.querySelector(`[data-id="${message.id}"]`)) return;
  if (message.clientId) findPending(message.clientId)?.remove();
  insertInOrder(messageElement(message));
}

// Confirmed messages sit in id order; pending ones (no id yet) stay below them all.
function insertInOrder(item) {
  const id = Number(item.dataset.id);
  const next = [...ui.messages.children]
    .find(other => other.dataset.id === undefined || Number(other.dataset.id) > id);
  const follow = isNearBottom();
  ui.messages.insertBefore(item, next ?? null);
  if (follow) scrollToBottom();
}

function messageElement({ id, sender, body, sentAt }) {
  const item = element('li', 'message');
  item.classList.toggle('mine', sender === me);
  item.dataset.sender = sender;
  if (id !== undefined) item.dataset.id = id;
  const meta = element('div', 'message-meta');
  const time = document.createElement('time');
  if (sentAt) setTime(time, sentAt);
  meta.append(element('span', 'message-sender', displayName(sender)), time);
  item.append(meta, element('p', 'message-body', body));
  return item;
}

function pendingMessage(clientId, body) {
  const item = messageElement({ sender: me, body });
  item.classList.add('pending');
  item.dataset.clientId = clientId;
  return item;
}

function findPending(clientId) {
  return ui.messages.querySelector(`[data-client-id="${CSS.escape(clientId)}"]`);
}

function setTime(time, sentAt) {
  const date = new Date(sentAt);
  time.dateTime = sentAt;
  time.textContent = clock.format(date);
  time.title = date.toLocaleString();
}

// textContent only: names and bodies are user input and may contain markup.
function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function isNearBottom() {
  const { scrollHeight, scrollTop, clientHeight } = ui.scroller;
  return scrollHeight - scrollTop - clientHeight < 80;
}

function scrollToBottom() {
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

function showTyping(username) {
  typingUser = username;
  ui.typing.textContent = username ? `${displayName(username)} is typing…` : '';
  clearTimeout(typingTimer);
  if (username) typingTimer = setTimeout(() => showTyping(null), TYPING_SHOW_MS);
}

function showError(text) {
  ui.error.textContent = text;
}

// ---- Composer ----

function setComposerEnabled(enabled) {
  ui.input.disabled = !enabled;
  ui.send.disabled = !enabled;
}

function sendMessage() {
  const body = ui.input.value.trim();
  if (!body || !openRoom) return;
  const clientId = newClientId();
  outbox.set(clientId, { room: openRoom, body });
  ui.messages.append(pendingMessage(clientId, body));
  scrollToBottom();
  ui.input.value = '';
  showError('');
  transmit(clientId);
}

// While offline the message stays in the outbox; onResumed sends it. Resending is safe
// because the server stores a clientId once and answers a repeat with the same ack.
function transmit(clientId) {
  const { room, body } = outbox.get(clientId);
  if (live) sendFrame({ type: 'send', room, clientId, body });
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
  if (!live || !openRoom || Date.now() - lastTypingSent < TYPING_SEND_INTERVAL_MS) return;
  lastTypingSent = Date.now();
  sendFrame({ type: 'typing', room: openRoom });
}

function markRead(room) {
  const upTo = lastSeen.get(room);
  if (live && upTo) sendFrame({ type: 'read', room, upTo });
}

// ---- WebSocket ----

function connect() {
  const url = new URL('ws', root);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  socket = new WebSocket(url, ['parley.batch']);
  socket.addEventListener('message', receive);
  socket.addEventListener('close', onClose);
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
  // Presence changes made while we were disconnected were never sent to us.
  if (connectedBefore) loadUsers().catch(reportFailure);
  connectedBefore = true;
}

function onMessageFrame(message) {
  if (replay) replay.push(message);
  else applyMessage(message);
}

// Replayed and live frames may overlap until "resumed"; sorting by id and skipping what is
// already applied gives each room's messages exactly once, in order.
function onResumed() {
  const frames = replay.sort((a, b) => a.id - b.id);
  replay = null;
  frames.forEach(applyMessage);
  live = true;
  setConnectionState('live');
  for (const clientId of outbox.keys()) transmit(clientId);
  if (openRoom) markRead(openRoom);
}

function applyMessage(message) {
  const { room, id, sender } = message;
  if (id <= (lastSeen.get(room) ?? 0)) return;
  lastSeen.set(room, id);
  if (!rooms.has(room)) learnNewRooms();
  if (room === openRoom) {
    showMessage(message);
    if (sender === typingUser) showTyping(null);
    markRead(room);
  } else if (sender !== me) {
    unread.set(room, (unread.get(room) ?? 0) + 1);
    refreshSidebar();
  }
}

// The ack confirms our message before its "message" frame arrives. It must not move
// lastSeen: earlier messages of the room may still be on their way.
function onAck({ clientId, id, sentAt }) {
  outbox.delete(clientId);
  const item = findPending(clientId);
  if (!item) return;
  item.classList.remove('pending');
  item.dataset.id = id;
  setTime(item.querySelector('time'), sentAt);
  insertInOrder(item);
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
  if (room === openRoom && user !== me) showTyping(user);
}

function onError({ code, message, clientId }) {
  showError(message || code);
  if (!clientId) return;
  outbox.delete(clientId);
  findPending(clientId)?.classList.replace('pending', 'failed');
}

function onClose() {
  live = false;
  replay = null;
  clearInterval(pingTimer);
  if (signingOut) return;
  setConnectionState('reconnecting');
  const delay = Math.min(FIRST_RETRY_MS * 2 ** retries, MAX_RETRY_MS);
  retries += 1;
  setTimeout(reconnect, delay);
}

// A refused handshake looks like any other failed connection; /api/me tells an ended session
// (go to sign-in) apart from a server that is briefly away (try again).
async function reconnect() {
  try {
    await api('api/me');
  } catch (error) {
    if (error instanceof SignedOut) return;
  }
  connect();
}

function setConnectionState(state) {
  app.dataset.connection = state;
  ui.status.textContent = { live: 'Connected', reconnecting: 'Reconnecting…' }[state];
}

// ---- Start ----

async function signOut() {
  signingOut = true;
  // Leave even if the request fails: the sign-in page shows whether the session is gone.
  await fetch(new URL('api/session', root), { method: 'DELETE' }).catch(() => {});
  location.assign(signInUrl);
}

function bindControls() {
  ui.signOut.addEventListener('click', signOut);
  ui.loadOlder.addEventListener('click', () => loadOlder().catch(reportFailure));
  ui.composer.addEventListener('submit', event => {
    event.preventDefault();
    sendMessage();
  });
  ui.input.addEventListener('keydown', event => {
    // Enter sends and Shift+Enter starts a new line; during IME composition Enter confirms text.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.composer.requestSubmit();
    }
  });
  ui.input.addEventListener('input', announceTyping);
}

async function start() {
  bindControls();
  await Promise.all([loadUsers(), loadRooms()]);
  refreshSidebar();
  connect();
}

start().catch(reportFailure);
