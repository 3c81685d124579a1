// What the chat page knows of people and rooms: who is online, each room's members, unread counts (and how many
// of those call on us) and read markers, and which rooms were active last. No DOM: the views render from it,
// node --test checks it. It imports nothing (Faces' resource URLs would defeat relative imports under Node):
// what it needs of other modules is handed to it.

// What a room's changes (docs/protocol.md, its change log) change: the fields a room view's changeSeq dates.
const CHANGE_LOGGED = ['name', 'visibility', 'topic', 'archived', 'members', 'changeSeq'];

export class ChatStore {
  me;
  #users = new Map();    // username -> {username, displayName, online}
  #rooms = new Map();    // room id -> {id, kind, name?, members, createdBy?}
  #unread = new Map();   // room id -> others' messages not read yet
  #mentions = new Map(); // room id -> how many of those name us, or @room
  #lastRead = new Map(); // room id -> this user's read marker: the id read up to, in any tab
  // Room id -> id of its newest message known here. Message ids rise across all rooms, so they also order
  // rooms by their last activity.
  #activity = new Map();
  // The threads (their first messages' ids) we take part in, as far as this page has seen: we started them or
  // replied in them. Replies in these count as unread and call for attention; replies in others do not.
  #following = new Set();

  #mentionsIn;

  /** @param mentionsIn (body) -> the set of names it mentions (markdown.js) */
  constructor(me, mentionsIn = () => new Set()) {
    this.me = me;
    this.#mentionsIn = mentionsIn;
  }

  // ---- People ----

  setUsers(list) {
    this.#users = new Map(list.map(user => [user.username, user]));
  }

  /** Answers false for someone not known here (they signed up after the page loaded). */
  setOnline(username, online) {
    const user = this.#users.get(username);
    if (user) user.online = online;
    return Boolean(user);
  }

  isKnown(username) {
    return this.#users.has(username);
  }

  isOnline(username) {
    return Boolean(this.#users.get(username)?.online);
  }

  displayName(username) {
    return this.#users.get(username)?.displayName || username;
  }

  /** The id of someone's picture, or undefined. */
  avatar(username) {
    return this.#users.get(username)?.avatar || undefined;
  }

  /** The line someone set for others to see, or undefined. */
  status(username) {
    return this.#users.get(username)?.status || undefined;
  }

  /** Someone changed their display name or status (the profile frame); false for someone not known here. */
  updateProfile({ user, displayName, status, avatar }) {
    const known = this.#users.get(user);
    if (!known) return false;
    known.displayName = displayName;
    known.status = status;
    known.avatar = avatar;
    return true;
  }

  /** Everyone but me, by display name. */
  others() {
    return [...this.#users.keys()].filter(username => username !== this.me).sort(this.byDisplayName);
  }

  byDisplayName = (a, b) => this.displayName(a).localeCompare(this.displayName(b));

  // ---- Rooms ----

  /**
   * Frames may lack fields an earlier answer had, such as createdBy, so a room is merged rather than
   * replaced; but every view of a group room (it has a visibility) says its topic, absent when there is none.
   * A view read before the one held (a lower changeSeq: the room list or an answer that took longer than a
   * `room` frame) keeps the held name, settings and members. Answers whether the room is new here.
   */
  rememberRoom(room) {
    const known = this.#rooms.get(room.id);
    const isNew = !known;
    const merged = { ...known, ...room };
    if (room.changeSeq < known?.changeSeq) {
      for (const field of CHANGE_LOGGED) merged[field] = known[field];
    } else if (room.visibility !== undefined) {
      merged.topic = room.topic;
    }
    // The room list says whether we hid a room (hiddenUpTo), absent when not; frames never do.
    if (room.unread !== undefined) merged.hiddenUpTo = room.hiddenUpTo;
    this.#rooms.set(room.id, merged);
    if (room.lastReadId !== undefined) this.advanceReadMarker(room.id, room.lastReadId);
    if (room.unread !== undefined && isNew) this.#unread.set(room.id, room.unread);
    if (room.mentions !== undefined && isNew) this.#mentions.set(room.id, room.mentions);
    this.noteActivity(room.id, room.lastMessageId ?? 0);
    return isNew;
  }

  /** A room just created or joined has no messages yet, but it is the newest thing that happened. */
  noteJoined(roomId) {
    this.noteActivity(roomId, Math.max(0, ...this.#activity.values()) + 0.5);
  }

  forgetRoom(roomId) {
    const room = this.#rooms.get(roomId);
    for (const map of [this.#rooms, this.#unread, this.#mentions, this.#lastRead, this.#activity]) map.delete(roomId);
    return room;
  }

  room(roomId) {
    return this.#rooms.get(roomId);
  }

  hasRoom(roomId) {
    return this.#rooms.has(roomId);
  }

  setMembers(roomId, members) {
    const room = this.#rooms.get(roomId);
    if (room) room.members = members;
  }

  peerOf(room) {
    return room.members.find(username => username !== this.me) ?? this.me;
  }

  title(room) {
    return room.kind === 'group' ? room.name : this.displayName(this.peerOf(room));
  }

  /** Hides a direct room until a message newer than upTo arrives; upTo undefined shows it again. */
  setHidden(roomId, upTo) {
    const room = this.#rooms.get(roomId);
    if (room) room.hiddenUpTo = upTo;
  }

  /** A hidden direct room shows again by itself once a message newer than the one it was hidden at arrives. */
  isHidden(room) {
    return room?.hiddenUpTo !== undefined && (this.#activity.get(room.id) ?? 0) <= room.hiddenUpTo;
  }

  directRoomWith(username) {
    for (const room of this.#rooms.values()) {
      if (room.kind === 'direct' && room.members.includes(username)) return room.id;
    }
    return null;
  }

  /**
   * The sidebar's conversations, most recently active first: every group room that is not archived, and each
   * private conversation that has messages and is not hidden; and the open one, whatever it is.
   */
  listedRooms(openRoom) {
    const activity = room => this.#activity.get(room.id) ?? 0;
    return [...this.#rooms.values()]
      .filter(room => room.id === openRoom
        || (room.kind === 'group' ? !room.archived : activity(room) > 0 && !this.isHidden(room)))
      .sort((a, b) => activity(b) - activity(a) || this.title(a).localeCompare(this.title(b)));
  }

  // ---- Messages, unread and read ----

  /**
   * A message applied: the room's activity moves, and someone else's counts as unread unless it is read. A reply
   * in a thread counts only when we take part in the thread or it names us (as the server counts).
   */
  noteMessage({ room, id, sender, body, deleted, thread }, read) {
    const namesUs = this.#namesUs({ body, deleted });
    if (sender === this.me) this.#following.add(thread ?? id);
    else if (thread !== undefined && !this.followsThread(thread) && !namesUs) return;
    this.noteActivity(room, id);
    if (read || sender === this.me) return;
    this.#unread.set(room, this.unread(room) + 1);
    if (namesUs) this.#mentions.set(room, this.mentions(room) + 1);
  }

  // ---- Threads ----

  /** A message as a page shows it: whether we started its thread, or (its summary says) replied in it. */
  noteThread({ id, sender, thread, replies }) {
    if (thread === undefined && (sender === this.me || replies?.people?.includes(this.me))) this.#following.add(id);
  }

  /** Whether we started the thread or replied in it. */
  followsThread(threadId) {
    return this.#following.has(threadId);
  }

  #namesUs({ body, deleted }) {
    if (deleted) return false;
    const named = this.#mentionsIn(body);
    return named.has(this.me) || named.has('room');
  }

  /** Unread messages of the room that call on us by name or @room. */
  mentions(roomId) {
    return this.#mentions.get(roomId) ?? 0;
  }

  noteActivity(roomId, messageId) {
    this.#activity.set(roomId, Math.max(messageId, this.#activity.get(roomId) ?? 0));
  }

  unread(roomId) {
    return this.#unread.get(roomId) ?? 0;
  }

  /** What the tab's title counts: archived rooms are out of sight and muted ones asked for quiet. */
  totalUnread() {
    return [...this.#unread]
      .filter(([roomId]) => !this.#rooms.get(roomId)?.archived && this.notifications(roomId) !== 'muted')
      .reduce((sum, [, count]) => sum + count, 0);
  }

  /** What in the room calls for our attention: 'all', 'mentions' or 'muted'. */
  notifications(roomId) {
    return this.#rooms.get(roomId)?.notifications ?? 'all';
  }

  setNotifications(roomId, level) {
    const room = this.#rooms.get(roomId);
    if (room) room.notifications = level;
  }

  /**
   * Whether a message from someone else should call for our attention (a desktop notification). A reply does
   * when we take part in its thread or it names us.
   */
  callsForAttention({ room, body, deleted, thread }) {
    const level = this.notifications(room);
    if (level === 'muted') return false;
    const namesUs = this.#namesUs({ body, deleted });
    if (level === 'all') return thread === undefined || namesUs || this.followsThread(thread);
    return namesUs;
  }

  lastRead(roomId) {
    return this.#lastRead.get(roomId) ?? 0;
  }

  /** Read up to upTo, here or in another tab; the count is zero only if that is the newest message. */
  markRead(roomId, upTo, newest) {
    this.advanceReadMarker(roomId, upTo);
    if (upTo < newest) return;
    this.#unread.delete(roomId);
    this.#mentions.delete(roomId);
  }

  advanceReadMarker(roomId, upTo) {
    this.#lastRead.set(roomId, Math.max(upTo, this.lastRead(roomId)));
  }
}
