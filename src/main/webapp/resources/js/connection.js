// The client's side of docs/protocol.md ("The client's algorithm"), with no DOM: the WebSocket, resuming
// every room after each connect and applying what comes back once and in id order, the change log's position
// in each room (so that a resume also replays the edits, deletions, reactions and room changes missed), the
// outbox of sends not yet acked, and reconnecting with backoff. It says what happened through events; what a
// person sees is for the page to decide. node --test runs it against a fake socket (src/test/js).

export const PING_INTERVAL_MS = 25_000;
export const FIRST_RETRY_MS = 500;
export const MAX_RETRY_MS = 10_000;
// Errors after which the very same send may succeed later; the others need the message changed.
const RETRYABLE = new Set(['rate_limited', 'internal']);
const OPEN = 1; // WebSocket.OPEN, spelled out so that the module needs no browser

/**
 * Exponential backoff with jitter: half of each delay is random, so the many tabs that one server restart cut
 * off do not all knock again at the same moment.
 */
export function retryDelay(attempt, random = Math.random) {
  const ceiling = Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
  return ceiling / 2 + random() * (ceiling / 2);
}

const browserClock = {
  now: () => Date.now(),
  setTimeout: (task, ms) => setTimeout(task, ms),
  clearTimeout: timer => clearTimeout(timer),
  setInterval: (task, ms) => setInterval(task, ms),
  clearInterval: timer => clearInterval(timer),
};

/**
 * One person's connection to Parley, across reconnects.
 *
 * Events (`on(type, listener)`):
 * - `message (message, {live})`: a message to show, each exactly once, in id order per room; `live` is false
 *   for what a resume brought back (old news, nobody needs notifying of it).
 * - `ack (ack)`: one of our sends is stored; `send (clientId, entry)`: a send changed state (`sending`,
 *   `waiting` for a connection, `failed` with a `reason` and whether it is `retryable`).
 * - `edited (frame)`, `deleted (frame)`, `reactions (frame)`: a change to a message already applied (changes
 *   to messages still on their way are folded into them). Live and replayed ones may come in any order: a
 *   reactions frame older (by its `seq`) than the last one reported for that message is not reported.
 * - `room (room, {isNew})`: a room appeared, or its view changed; a view older (by its `changeSeq`) than the
 *   last one reported for that room is not reported.
 * - `removed (roomId)`, `presence`, `typing`, `read`, `error (frame)`: as the frames.
 * - `state ('live' | 'reconnecting' | 'stopped', retryAt)`; `resumed ({reconnected})` once per connection,
 *   when everything missed is applied: the moment to catch up on what `resume` does not replay (people, and
 *   rooms joined meanwhile).
 *
 * Every `resume` names, for each room it resumes, the id of the last message applied (`rooms`) and how far the
 * room's change log is known to have arrived (`changes`): the server replays the messages after the one and
 * the current state of everything changed after the other.
 */
export class ChatConnection {
  #user;
  #url;
  #openSocket;
  #mayConnect;
  #newClientId;
  #clock;
  #random;
  #listeners = new Map();

  #lastSeen = new Map();   // room id -> id of the last message applied: where each room resumes
  #left = new Set();       // rooms we were removed from: their late frames are ignored until we join again
  #outbox = new Map();     // clientId -> {room, body, state, reason?, retryable?} until acked or stored
  #laterChanges = new Map(); // message id -> an edit or deletion of a message not applied yet
  #laterReactions = new Map(); // message id -> the reactions of a message not applied yet (each frame has them all)
  // Room id -> {upTo, above}: every change of the room with a seq <= upTo has arrived, and so have the seqs in
  // `above` (past a gap: changes are numbered in commit order but may arrive in any order). A resume asks for
  // the changes after upTo.
  #changes = new Map();
  #unsettled = [];         // [room, seq] that arrived while a resume was awaited: counted when it is answered
  #roomViews = new Map();  // room id -> changeSeq of the last view of the room reported (or followed from)
  #reactionsSeq = new Map(); // message id -> {room, seq} of the last reactions reported or folded in

  #socket = null;
  #ready = false;          // "ready" came on this socket: resumes may be sent
  #live = false;           // the first "resumed" came: sends go out
  #buffer = null;          // messages collected until the resumes awaited are answered
  #resumesAwaited = 0;
  #connectedBefore = false;
  #stopped = false;
  #retries = 0;
  #pingTimer = 0;
  #reconnectTimer = 0;

  /**
   * @param user the signed-in username (our own messages settle our sends)
   * @param url the WebSocket address
   * @param openSocket (url, protocols) -> a WebSocket or something that behaves like one
   * @param mayConnect async () -> false when no connection should be attempted any more (the session ended,
   *   or someone else signed in on this browser); asked before every reconnect
   */
  constructor({ user, url, openSocket, mayConnect = async () => true, newClientId, clock = browserClock, random = Math.random }) {
    this.#user = user;
    this.#url = url;
    this.#openSocket = openSocket;
    this.#mayConnect = mayConnect;
    this.#newClientId = newClientId;
    this.#clock = clock;
    this.#random = random;
  }

  on(type, listener) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, []);
    this.#listeners.get(type).push(listener);
    return this;
  }

  get live() {
    return this.#live;
  }

  /** The id of the last message applied in a room (0 for none). */
  lastSeen(roomId) {
    return this.#lastSeen.get(roomId) ?? 0;
  }

  /** The room's change seq up to which every change has arrived (0 for none): where its changes resume. */
  changesSeen(roomId) {
    return this.#changes.get(roomId)?.upTo ?? 0;
  }

  /**
   * A room to keep up with from the message after `lastMessageId` (older ones are history, read over HTTP) and
   * the change after `changeSeq` (the room's changeSeq when that view of it was read: older changes are in it).
   * A room joined while connected is resumed on its own, which covers messages that reached it before this
   * connection followed it. Rooms already followed keep their place: moving it would skip frames on their way.
   */
  follow(roomId, lastMessageId = 0, changeSeq = 0) {
    this.#left.delete(roomId);
    if (this.#lastSeen.has(roomId)) return;
    this.#lastSeen.set(roomId, lastMessageId);
    this.#changes.set(roomId, { upTo: changeSeq, above: new Set() });
    // The page holds that view of the room: an older one arriving late must not replace it.
    if (changeSeq > 0) this.#roomViews.set(roomId, changeSeq);
    if (this.#ready) this.#resume([roomId]);
  }

  /** We are no longer a member: nothing of the room is applied, resumed or resent any more. */
  forget(roomId) {
    this.#lastSeen.delete(roomId);
    this.#changes.delete(roomId);
    this.#roomViews.delete(roomId);
    this.#unsettled = this.#unsettled.filter(([room]) => room !== roomId);
    this.#left.add(roomId);
    if (this.#buffer) this.#buffer = this.#buffer.filter(message => message.room !== roomId);
    for (const [clientId, sent] of this.#outbox) {
      if (sent.room === roomId) this.#outbox.delete(clientId);
    }
    for (const byMessage of [this.#laterChanges, this.#laterReactions, this.#reactionsSeq]) {
      for (const [id, change] of byMessage) {
        if (change.room === roomId) byMessage.delete(id);
      }
    }
  }

  // ---- Sending ----

  /**
   * Sends a message, now or after the next resume; answers its clientId. A reply names its thread's first message;
   * files are uploads it takes ({id, name, contentType, size}).
   */
  send(room, body, thread, files = []) {
    const clientId = this.#newClientId();
    const sent = { room, body, state: 'sending' };
    if (thread !== undefined) sent.thread = thread;
    if (files.length > 0) sent.files = files;
    this.#outbox.set(clientId, sent);
    this.#transmit(clientId);
    return clientId;
  }

  /** Sends a refused message again, with the same clientId: the server stores it once at most. */
  retry(clientId) {
    if (this.#outbox.has(clientId)) this.#transmit(clientId);
  }

  discard(clientId) {
    this.#outbox.delete(clientId);
  }

  /** Sends not yet acked in a room, oldest first, as [clientId, {body, thread?, state, ...}]. */
  unacked(roomId) {
    return [...this.#outbox].filter(([, sent]) => sent.room === roomId);
  }

  /** A send not yet acked: {room, body, state, ...}, or undefined. */
  unackedSend(clientId) {
    return this.#outbox.get(clientId);
  }

  /** A frame that only makes sense on a live connection (typing, read); dropped otherwise. */
  sendFrame(frame) {
    if (this.#live) this.#write(frame);
  }

  #transmit(clientId) {
    const sent = this.#outbox.get(clientId);
    sent.state = this.#live ? 'sending' : 'waiting';
    delete sent.reason;
    delete sent.retryable;
    if (this.#live) {
      const frame = { type: 'send', room: sent.room, clientId, body: sent.body };
      if (sent.thread !== undefined) frame.thread = sent.thread;
      if (sent.files) frame.files = sent.files.map(file => file.id);
      this.#write(frame);
    }
    this.#emit('send', clientId, sent);
  }

  #write(frame) {
    if (this.#socket?.readyState === OPEN) this.#socket.send(JSON.stringify(frame));
  }

  // ---- Connecting ----

  connect() {
    if (this.#socket || this.#stopped) return;
    this.#socket = this.#openSocket(this.#url, ['parley.batch']);
    const socket = this.#socket;
    socket.addEventListener('message', event => {
      if (this.#socket === socket) this.#receive(event.data);
    });
    socket.addEventListener('close', () => {
      if (this.#socket === socket) this.#onClose();
    });
  }

  /** Tries now rather than when the backoff says (the person asked, or the device is online again). */
  async reconnect() {
    this.#clock.clearTimeout(this.#reconnectTimer);
    if (this.#socket || this.#stopped) return;
    // A refused handshake looks like any other failed connection: the page asks whether the session lasts.
    if (!await this.#mayConnect()) {
      this.stop();
      return;
    }
    this.connect();
  }

  /** For good (signing out): no reconnect follows the close. */
  stop() {
    this.#stopped = true;
    this.#clock.clearTimeout(this.#reconnectTimer);
    const socket = this.#socket;
    this.#onClose();
    socket?.close();
  }

  #onClose() {
    this.#socket = null;
    this.#ready = false;
    this.#live = false;
    // Collected messages come again: lastSeen did not move for them. So do the changes not counted yet.
    this.#buffer = null;
    this.#unsettled = [];
    this.#resumesAwaited = 0;
    this.#clock.clearInterval(this.#pingTimer);
    if (this.#stopped) {
      this.#emit('state', 'stopped');
      return;
    }
    for (const [clientId, sent] of this.#outbox) {
      if (sent.state === 'sending') {
        sent.state = 'waiting';
        this.#emit('send', clientId, sent);
      }
    }
    const delay = retryDelay(this.#retries, this.#random);
    this.#retries += 1;
    this.#reconnectTimer = this.#clock.setTimeout(() => this.reconnect(), delay);
    this.#emit('state', 'reconnecting', this.#clock.now() + delay);
  }

  // ---- Receiving ----

  // With the parley.batch subprotocol one WebSocket message may carry an array of frames.
  #receive(data) {
    const parsed = JSON.parse(data);
    for (const frame of Array.isArray(parsed) ? parsed : [parsed]) this.#handle(frame);
  }

  #handle(frame) {
    switch (frame.type) {
      case 'ready': return this.#onReady();
      case 'message': return this.#onMessage(frame);
      case 'resumed': return this.#onResumed(frame);
      case 'ack': return this.#onAck(frame);
      case 'edited':
      case 'deleted': return this.#onChange(frame);
      case 'reactions': return this.#onReactions(frame);
      case 'room': return this.#onRoom(frame.room);
      case 'removed':
        this.forget(frame.room);
        return this.#emit('removed', frame.room);
      case 'error': return this.#onError(frame);
      case 'pong': return undefined; // the ping only keeps idle connections from being cut
      default: return this.#emit(frame.type, frame);
    }
  }

  #onReady() {
    this.#ready = true;
    this.#retries = 0;
    this.#resume([...this.#lastSeen.keys()]);
    this.#clock.clearInterval(this.#pingTimer);
    this.#pingTimer = this.#clock.setInterval(() => this.#write({ type: 'ping' }), PING_INTERVAL_MS);
  }

  // Until its "resumed", replayed and live messages may overlap and arrive in any order: collect them all.
  // Each room resumes its messages after the last one applied and its changes after the last one known.
  #resume(roomIds) {
    this.#buffer ??= [];
    this.#resumesAwaited += 1;
    const rooms = {};
    const changes = {};
    for (const room of roomIds) {
      rooms[room] = this.#lastSeen.get(room);
      changes[room] = this.changesSeen(room);
    }
    this.#write({ type: 'resume', rooms, changes });
  }

  #onMessage(message) {
    const { room } = message;
    if (this.#left.has(room)) return;
    if (!this.#lastSeen.has(room)) {
      // It overtook its room's "room" frame (or the room was joined as we connected): replay all of it.
      this.#lastSeen.set(room, 0);
      this.#changes.set(room, { upTo: 0, above: new Set() });
      if (this.#ready) this.#resume([room]);
    }
    if (this.#buffer) this.#buffer.push(message);
    else this.#apply(message, true);
  }

  // Sorting by id and skipping what is applied gives each room's messages exactly once, in order. "changes"
  // says, per room resumed, up to which seq every change has now been sent (replayed or live); an old server
  // leaves it out, which tells nothing.
  #onResumed({ changes = {} }) {
    for (const [room, seq] of Object.entries(changes)) this.#advance(room, seq);
    this.#resumesAwaited -= 1;
    if (this.#resumesAwaited > 0 || !this.#buffer) return;
    const collected = this.#buffer.sort((a, b) => a.id - b.id);
    this.#buffer = null;
    // Every replay is complete now: what came meanwhile counts.
    const unsettled = this.#unsettled;
    this.#unsettled = [];
    unsettled.forEach(([room, seq]) => this.#note(room, seq));
    collected.forEach(message => this.#apply(message, false));
    if (this.#live) return;
    this.#live = true;
    this.#emit('state', 'live');
    for (const [clientId, sent] of this.#outbox) {
      if (sent.state !== 'failed') this.#transmit(clientId);
    }
    this.#emit('resumed', { reconnected: this.#connectedBefore });
    this.#connectedBefore = true;
  }

  #apply(message, live) {
    const { room, id } = message;
    if (!this.#lastSeen.has(room) || id <= this.#lastSeen.get(room)) return;
    this.#lastSeen.set(room, id);
    // Our own message, stored: it needs no resending even if its ack was lost with a connection.
    if (message.sender === this.#user) this.#outbox.delete(message.clientId);
    this.#emit('message', this.#withLaterChange(message), { live });
  }

  // An ack never moves lastSeen: earlier messages of the room may still be on their way.
  #onAck(ack) {
    this.#outbox.delete(ack.clientId);
    this.#emit('ack', ack);
  }

  // A change to a message not applied yet waits for it (also across reconnects: it counts as arrived); a
  // message's state only moves forward.
  #onChange(change) {
    if (!this.#lastSeen.has(change.room)) return;
    this.#note(change.room, change.seq);
    if (change.id <= this.#lastSeen.get(change.room)) {
      this.#emit(change.type, change);
      return;
    }
    const known = this.#laterChanges.get(change.id);
    if (!known || isNewer(change, known)) this.#laterChanges.set(change.id, change);
  }

  // Each frame has all of a message's reactions at its seq: a replayed state may arrive after a newer live one,
  // and is then old news. (Frames without seq, from an old server: the last one wins.)
  #onReactions(frame) {
    const { room, id, seq } = frame;
    if (!this.#lastSeen.has(room)) return;
    this.#note(room, seq);
    if (id <= this.#lastSeen.get(room)) {
      if (seq < this.#reactionsSeq.get(id)?.seq) return;
      this.#noteReactions(frame);
      this.#emit('reactions', frame);
      return;
    }
    const known = this.#laterReactions.get(id);
    if (!known || !(seq < known.seq)) this.#laterReactions.set(id, frame);
  }

  #noteReactions({ room, id, seq }) {
    if (seq !== undefined) this.#reactionsSeq.set(id, { room, seq });
  }

  #withLaterChange(applied) {
    const reactions = this.#laterReactions.get(applied.id);
    this.#laterReactions.delete(applied.id);
    if (reactions) this.#noteReactions(reactions);
    const message = reactions ? { ...applied, reactions: reactions.reactions } : applied;
    const change = this.#laterChanges.get(message.id);
    if (!change) return message;
    this.#laterChanges.delete(message.id);
    if (message.deleted || !isNewer(change, message)) return message;
    if (change.type === 'deleted') return { ...message, body: '', deleted: true, moderated: change.moderated };
    return { ...message, body: change.body, editedAt: change.editedAt };
  }

  // A view of a room carries the room's changeSeq when it was read; the live frame of a room change, that
  // change's seq. A replayed or late view may be older than one already reported: it is not reported again.
  #onRoom(room) {
    const { id, changeSeq } = room;
    const isNew = !this.#lastSeen.has(id);
    if (isNew) {
      this.follow(id, room.lastMessageId ?? 0, changeSeq ?? 0);
    } else {
      this.#note(id, changeSeq);
      if (changeSeq < this.#roomViews.get(id)) return;
    }
    if (changeSeq !== undefined) this.#roomViews.set(id, changeSeq);
    this.#emit('room', room, { isNew });
  }

  // ---- The change log's position in each room ----

  /**
   * A change of a followed room arrived. While a resume is awaited it only counts once answered: a replay
   * sends a room's current view (whose changeSeq may be that of a message change whose frame comes next) and
   * each message's current state under one seq, so counting them before the replay is complete could pass
   * over a change a dropped connection never delivered. Counted late, a change is at worst replayed again.
   */
  #note(room, seq) {
    if (seq === undefined || !this.#changes.has(room)) return;
    if (this.#buffer) {
      this.#unsettled.push([room, seq]);
      return;
    }
    const position = this.#changes.get(room);
    if (seq <= position.upTo) return;
    position.above.add(seq);
    this.#absorb(position);
  }

  // Every change up to `seq` has arrived (resumed's "changes"). A position never moves back.
  #advance(room, seq) {
    const position = this.#changes.get(room);
    if (!position || !(seq > position.upTo)) return;
    position.upTo = seq;
    this.#absorb(position);
  }

  // Seqs that arrived past a gap count once the gap is filled.
  #absorb(position) {
    for (const seq of position.above) {
      if (seq <= position.upTo) position.above.delete(seq);
    }
    while (position.above.delete(position.upTo + 1)) position.upTo += 1;
  }

  #onError(error) {
    const { code, clientId, room } = error;
    const sent = clientId && this.#outbox.get(clientId);
    if (sent) {
      Object.assign(sent, { state: 'failed', reason: error.message || code, retryable: RETRYABLE.has(code) });
      this.#emit('send', clientId, sent);
    } else if (!clientId && room && (code === 'not_member' || code === 'unknown_room') && this.#lastSeen.has(room)) {
      // A room we left or were removed from while away, refused by "resume", "typing" or "read".
      this.forget(room);
      this.#emit('removed', room);
      return;
    }
    this.#emit('error', error);
  }

  #emit(type, ...values) {
    for (const listener of this.#listeners.get(type) ?? []) listener(...values);
  }
}

// A deletion is final; of two edits the later wins (editedAt has a fixed format: strings compare as times).
function isNewer(change, than) {
  if (than.deleted || than.type === 'deleted') return false;
  if (change.type === 'deleted') return true;
  return (change.editedAt ?? '') > (than.editedAt ?? '');
}
