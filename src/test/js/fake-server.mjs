// Stand-ins for what connection.js talks to: a clock whose time moves only when a test says so, and sockets
// that record what the client sends and deliver what the test makes the server say.

export class FakeClock {
  #now = 0;
  #timers = new Map(); // id -> {at, task, every?}
  #nextId = 1;

  now() {
    return this.#now;
  }

  setTimeout(task, ms) {
    return this.#add({ at: this.#now + ms, task });
  }

  setInterval(task, ms) {
    return this.#add({ at: this.#now + ms, task, every: ms });
  }

  clearTimeout(id) {
    this.#timers.delete(id);
  }

  clearInterval(id) {
    this.#timers.delete(id);
  }

  /** When the earliest timeout fires (Infinity if none is set); intervals are left out. */
  nextTimeout() {
    return Math.min(...[...this.#timers.values()].filter(timer => !timer.every).map(timer => timer.at));
  }

  /** Moves time on, running every timer that falls due, in order. */
  advance(ms) {
    const end = this.#now + ms;
    for (;;) {
      const [id, timer] = [...this.#timers].filter(([, t]) => t.at <= end).sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (!timer) break;
      this.#now = timer.at;
      if (timer.every) timer.at += timer.every;
      else this.#timers.delete(id);
      timer.task();
    }
    this.#now = end;
  }

  #add(timer) {
    const id = this.#nextId++;
    this.#timers.set(id, timer);
    return id;
  }
}

export class FakeSocket {
  readyState = 0; // CONNECTING
  sent = [];
  #listeners = { message: [], close: [] };

  constructor(url, protocols) {
    this.url = url;
    this.protocols = protocols;
  }

  addEventListener(type, listener) {
    this.#listeners[type].push(listener);
  }

  send(text) {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(text));
  }

  close() {
    this.drop();
  }

  // ---- What the server does ----

  /** The handshake succeeds and the server says "ready". */
  accept(user = 'alice') {
    this.readyState = 1;
    this.deliver({ type: 'ready', user });
  }

  /** One WebSocket message: a frame, or with parley.batch an array of them. */
  deliver(frames) {
    for (const listener of this.#listeners.message) listener({ data: JSON.stringify(frames) });
  }

  drop() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    for (const listener of this.#listeners.close) listener({ code: 1006 });
  }

  /** Frames of one type the client sent, in order. */
  sentOf(type) {
    return this.sent.filter(frame => frame.type === type);
  }
}

/** Message frames as the server sends them. */
export function message(room, id, sender, body = `message ${id}`, clientId = `${sender}-${id}`) {
  return { type: 'message', room, id, sender, body, sentAt: new Date(Date.UTC(2026, 11, 6, 20, 0, id)).toISOString(), clientId };
}
