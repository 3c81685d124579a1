// The client's algorithm of docs/protocol.md as connection.js follows it, against a fake socket and clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatConnection, retryDelay, FIRST_RETRY_MS, MAX_RETRY_MS, PING_INTERVAL_MS } from '../../main/webapp/resources/js/connection.js';
import { FakeClock, FakeSocket, message } from './fake-server.mjs';

const R = 'mZ3k9QfT0bLx2wPa';
const Y = 'Yb7Qe2LrX0sKf4Hn';

// Lets the awaits inside reconnect() finish.
const settle = () => new Promise(resolve => setImmediate(resolve));

// A connection as the chat page makes it, recording every event it reports. `changes`: each room's changeSeq in
// the room list (0 when left out).
function connection({ user = 'alice', rooms = { [R]: 1040 }, changes = {}, random = () => 0.5, mayConnect } = {}) {
  const clock = new FakeClock();
  const sockets = [];
  const events = [];
  let clientIds = 0;
  const chat = new ChatConnection({
    user,
    url: 'ws://127.0.0.1/ws',
    openSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    mayConnect,
    newClientId: () => `c-${++clientIds}`,
    clock,
    random,
  });
  for (const type of ['message', 'ack', 'send', 'edited', 'deleted', 'reactions', 'room', 'removed', 'presence', 'error', 'state', 'resumed']) {
    chat.on(type, (...values) => events.push([type, ...structuredClone(values)]));
  }
  for (const [room, id] of Object.entries(rooms)) chat.follow(room, id, changes[room] ?? 0);
  const socket = () => sockets.at(-1);
  const shown = () => events.filter(([type]) => type === 'message').map(([, m]) => m.id);
  // After a drop: the longest backoff passes, the page's check of the session answers, the server accepts.
  const backAgain = async () => {
    clock.advance(MAX_RETRY_MS);
    await settle();
    socket().accept();
  };
  return { chat, clock, sockets, socket, events, shown, backAgain };
}


test('connects with parley.batch and resumes every room from its last applied id', () => {
  const { chat, socket } = connection({ rooms: { [R]: 1040, [Y]: 7 } });
  chat.connect();
  assert.deepEqual(socket().protocols, ['parley.batch']);
  socket().accept();
  assert.deepEqual(socket().sentOf('resume'), [{ type: 'resume', rooms: { [R]: 1040, [Y]: 7 }, changes: { [R]: 0, [Y]: 0 } }]);
});

test('the worked example: after a drop each message is applied once, in id order, and the unacked send goes again with its clientId', async () => {
  const { chat, socket, clock, shown, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const clientId = chat.send(R, 'On my way');
  assert.deepEqual(socket().sentOf('send'), [{ type: 'send', room: R, clientId, body: 'On my way' }]);

  socket().drop();
  assert.equal(chat.unacked(R)[0][1].state, 'waiting');
  clock.advance(clock.nextTimeout() - clock.now());
  await settle();
  socket().accept();
  // A live message that overtook the replay, then the replay (batched), repeating it.
  socket().deliver(message(R, 1044, 'bob'));
  socket().deliver([message(R, 1041, 'bob'), message(R, 1042, 'alice', 'On my way', clientId),
    message(R, 1043, 'bob'), message(R, 1044, 'bob'), { type: 'resumed' }]);
  assert.deepEqual(shown(), [1041, 1042, 1043, 1044]);
  assert.equal(chat.lastSeen(R), 1044);
  // Stored while the connection was down: it is not sent a second time.
  assert.deepEqual(socket().sentOf('send'), []);
  assert.deepEqual(chat.unacked(R), []);

  socket().deliver(message(R, 1045, 'bob'));
  socket().deliver(message(R, 1045, 'bob'));
  assert.deepEqual(shown(), [1041, 1042, 1043, 1044, 1045]);
  const live = events.filter(([type]) => type === 'message').map(([, m, how]) => how.live);
  assert.deepEqual(live, [false, false, false, false, true], 'only what came live may notify anyone');
});

test('nothing is applied between ready and resumed; a send waits for resumed', () => {
  const { chat, socket, shown } = connection();
  chat.send(R, 'typed while connecting');
  chat.connect();
  socket().accept();
  socket().deliver(message(R, 1042, 'bob'));
  socket().deliver(message(R, 1041, 'bob'));
  assert.deepEqual(shown(), []);
  assert.deepEqual(socket().sentOf('send'), []);
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(shown(), [1041, 1042]);
  assert.deepEqual(socket().sentOf('send').map(frame => frame.body), ['typed while connecting']);
});

test('a send acked after a reconnect is acked once and never sent again', async () => {
  const { chat, socket, clock, events, backAgain } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const clientId = chat.send(R, 'hello');
  socket().drop();
  await backAgain();
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(socket().sentOf('send').map(frame => frame.clientId), [clientId]);
  socket().deliver({ type: 'ack', clientId, id: 1041, room: R, sentAt: '2026-12-06T20:00:00.000Z' });
  socket().deliver(message(R, 1041, 'alice', 'hello', clientId));
  socket().drop();
  await backAgain();
  socket().deliver([message(R, 1041, 'alice', 'hello', clientId), { type: 'resumed' }]);
  assert.deepEqual(socket().sentOf('send'), [], 'nothing left to resend');
  assert.equal(events.filter(([type]) => type === 'ack').length, 1);
  assert.equal(events.filter(([type, m]) => type === 'message' && m.clientId === clientId).length, 1);
});

test('a refused send keeps its clientId when retried, and waits for the connection if it is down', async () => {
  const { chat, socket, clock, events, backAgain } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const clientId = chat.send(R, 'too fast');
  socket().deliver({ type: 'error', code: 'rate_limited', message: 'Slow down', clientId, room: R });
  const failed = events.filter(([type]) => type === 'send').at(-1);
  assert.deepEqual(failed, ['send', clientId, { room: R, body: 'too fast', state: 'failed', reason: 'Slow down', retryable: true }]);

  socket().drop();
  await backAgain();
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(socket().sentOf('send'), [], 'a refused send is not resent by a reconnect');
  assert.equal(chat.unacked(R)[0][1].state, 'failed');

  socket().drop();
  chat.retry(clientId);
  assert.equal(chat.unacked(R)[0][1].state, 'waiting');
  await backAgain();
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(socket().sentOf('send'), [{ type: 'send', room: R, clientId, body: 'too fast' }]);

  socket().deliver({ type: 'error', code: 'too_long', message: 'Too long', clientId, room: R });
  assert.equal(chat.unacked(R)[0][1].retryable, false);
});

test('backoff grows from 0.5 s to at most 10 s, and starts again after a connection succeeds', async () => {
  const random = () => 1; // the top of each delay's random half
  const { chat, socket, clock, events } = connection({ random });
  chat.connect();
  const delays = [];
  for (let attempt = 0; attempt < 7; attempt++) {
    socket().drop(); // the handshake fails
    delays.push(clock.nextTimeout() - clock.now());
    clock.advance(delays.at(-1));
    await settle();
  }
  assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 10000, 10000]);
  socket().accept();
  socket().deliver({ type: 'resumed' });
  socket().drop();
  assert.equal(clock.nextTimeout() - clock.now(), FIRST_RETRY_MS);
  const reconnecting = events.filter(([type, state]) => type === 'state' && state === 'reconnecting').at(-1);
  assert.equal(reconnecting[2], clock.now() + FIRST_RETRY_MS, 'the page counts down to this');
});

test('retryDelay: half of each delay is random', () => {
  assert.equal(retryDelay(0, () => 0), 250);
  assert.equal(retryDelay(0, () => 1), 500);
  assert.equal(retryDelay(3, () => 0.5), 3000);
  assert.equal(retryDelay(50, () => 0), MAX_RETRY_MS / 2);
});

test('before reconnecting it asks whether the session lasts, and stops for good when it does not', async () => {
  let signedIn = true;
  const { chat, socket, sockets, clock, events } = connection({ mayConnect: async () => signedIn });
  chat.connect();
  socket().accept();
  socket().drop();
  signedIn = false;
  clock.advance(MAX_RETRY_MS);
  await settle();
  assert.equal(sockets.length, 1);
  assert.deepEqual(events.filter(([type]) => type === 'state').at(-1), ['state', 'stopped']);
  clock.advance(60_000);
  await settle();
  assert.equal(sockets.length, 1);
});

test('pings every 25 s while connected, and not after a close', () => {
  const { chat, socket, clock } = connection();
  chat.connect();
  socket().accept();
  clock.advance(PING_INTERVAL_MS * 2);
  assert.equal(socket().sentOf('ping').length, 2);
  const first = socket();
  chat.stop();
  clock.advance(PING_INTERVAL_MS * 2);
  assert.equal(first.sentOf('ping').length, 2);
});

test('a room joined while connected is resumed on its own, and its messages wait for that resume', () => {
  const { chat, socket, shown, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const room = { id: Y, kind: 'group', name: 'Dinner club', members: ['alice', 'bob', 'carol'], lastMessageId: 2210, createdBy: 'bob' };
  socket().deliver({ type: 'room', room });
  assert.deepEqual(events.filter(([type]) => type === 'room').at(-1), ['room', room, { isNew: true }]);
  assert.deepEqual(socket().sentOf('resume').at(-1), { type: 'resume', rooms: { [Y]: 2210 }, changes: { [Y]: 0 } });
  socket().deliver(message(Y, 2214, 'bob'));
  socket().deliver(message(Y, 2212, 'bob'));
  assert.deepEqual(shown(), []);
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(shown(), [2212, 2214]);
  // The room's frame again (members changed): not a new room, no new resume.
  socket().deliver({ type: 'room', room: { ...room, members: ['alice', 'bob'] } });
  assert.equal(socket().sentOf('resume').length, 2);
});

test('a message of a room not known yet replays that room from its start', () => {
  const { chat, socket, shown } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  socket().deliver(message(Y, 9, 'carol'));
  assert.deepEqual(socket().sentOf('resume').at(-1), { type: 'resume', rooms: { [Y]: 0 }, changes: { [Y]: 0 } });
  socket().deliver([message(Y, 8, 'carol'), message(Y, 9, 'carol'), { type: 'resumed' }]);
  assert.deepEqual(shown(), [8, 9]);
});

test('removed: nothing of the room is applied, resumed or resent any more, until it is joined again', async () => {
  const { chat, socket, clock, shown, events, backAgain } = connection({ rooms: { [R]: 1040, [Y]: 5 } });
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  chat.send(Y, 'bye');
  socket().deliver({ type: 'removed', room: Y });
  assert.deepEqual(events.filter(([type]) => type === 'removed'), [['removed', Y]]);
  socket().deliver(message(Y, 6, 'bob')); // posted just before the removal
  assert.deepEqual(shown(), []);
  assert.deepEqual(chat.unacked(Y), []);
  socket().drop();
  await backAgain();
  assert.deepEqual(socket().sentOf('resume'), [{ type: 'resume', rooms: { [R]: 1040 }, changes: { [R]: 0 } }]);
  socket().deliver({ type: 'resumed' });
  socket().deliver({ type: 'room', room: { id: Y, kind: 'group', name: 'Again', members: ['alice'], lastMessageId: 7 } });
  socket().deliver([message(Y, 8, 'bob'), { type: 'resumed' }]);
  assert.deepEqual(shown(), [8]);
});

test('a room refused by resume (left while away) is dropped; other errors are reported', () => {
  const { chat, socket, events } = connection({ rooms: { [R]: 1040, [Y]: 5 } });
  chat.connect();
  socket().accept();
  socket().deliver([{ type: 'error', code: 'not_member', message: 'Not a member', room: Y }, { type: 'resumed' }]);
  assert.deepEqual(events.filter(([type]) => type === 'removed'), [['removed', Y]]);
  assert.equal(chat.lastSeen(Y), 0);
  socket().deliver({ type: 'error', code: 'bad_frame', message: 'Unreadable frame' });
  assert.deepEqual(events.filter(([type]) => type === 'error').map(([, e]) => e.code), ['bad_frame']);
});

test('edits and deletions: of messages applied they are reported; of messages on their way they are folded in, and only move forward', () => {
  const { chat, socket, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver([message(R, 1041, 'bob', 'first'), { type: 'resumed' }]);
  socket().deliver({ type: 'edited', room: R, id: 1041, body: 'first!', editedAt: '2026-12-06T20:01:00.000Z' });
  assert.deepEqual(events.filter(([type]) => type === 'edited').map(([, e]) => e.body), ['first!']);

  // Changes to 1042 and 1043 arrive before the messages do (another node was quicker).
  socket().deliver({ type: 'edited', room: R, id: 1042, body: 'v3', editedAt: '2026-12-06T20:03:00.000Z' });
  socket().deliver({ type: 'edited', room: R, id: 1042, body: 'v2', editedAt: '2026-12-06T20:02:00.000Z' });
  socket().deliver({ type: 'deleted', room: R, id: 1043 });
  socket().deliver({ type: 'edited', room: R, id: 1043, body: 'too late', editedAt: '2026-12-06T20:04:00.000Z' });
  socket().deliver(message(R, 1042, 'bob', 'v1'));
  socket().deliver(message(R, 1043, 'bob', 'gone'));
  const applied = events.filter(([type]) => type === 'message').map(([, m]) => m);
  assert.equal(applied[1].body, 'v3');
  assert.equal(applied[1].editedAt, '2026-12-06T20:03:00.000Z');
  assert.equal(applied[2].deleted, true);
  assert.equal(applied[2].body, '');
});

test('typing and read frames go out only on a live connection', () => {
  const { chat, socket } = connection();
  chat.connect();
  socket().accept();
  chat.sendFrame({ type: 'typing', room: R });
  assert.deepEqual(socket().sentOf('typing'), []);
  socket().deliver({ type: 'resumed' });
  chat.sendFrame({ type: 'typing', room: R });
  assert.deepEqual(socket().sentOf('typing'), [{ type: 'typing', room: R }]);
});

test('resumed says whether this was a reconnect, once per connection', async () => {
  const { chat, socket, clock, events, backAgain } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  socket().deliver({ type: 'room', room: { id: Y, kind: 'group', name: 'Y', members: ['alice'], lastMessageId: 0 } });
  socket().deliver({ type: 'resumed' });
  socket().drop();
  await backAgain();
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(events.filter(([type]) => type === 'resumed').map(([, r]) => r), [{ reconnected: false }, { reconnected: true }]);
});

test('reactions: each frame holds them all; of a message on its way they come with it', () => {
  const { chat, socket, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver([message(R, 1041, 'bob'), { type: 'resumed' }]);
  const thumbs = [{ emoji: '👍', users: ['bob'] }];
  socket().deliver({ type: 'reactions', room: R, id: 1041, reactions: thumbs });
  assert.deepEqual(events.filter(([type]) => type === 'reactions').map(([, r]) => r.reactions), [thumbs]);

  socket().deliver({ type: 'reactions', room: R, id: 1042, reactions: [{ emoji: '🎉', users: ['carol'] }] });
  socket().deliver({ type: 'reactions', room: R, id: 1042, reactions: [] });
  socket().deliver({ type: 'reactions', room: R, id: 1042, reactions: thumbs });
  socket().deliver(message(R, 1042, 'carol'));
  const applied = events.filter(([type]) => type === 'message').map(([, m]) => m);
  assert.deepEqual(applied[1].reactions, thumbs, 'the last word on them');
  assert.equal(events.filter(([type]) => type === 'reactions').length, 1);
});

test('a reply names its thread in every send frame, the first and the one after a reconnect', async () => {
  const { chat, socket, backAgain } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const clientId = chat.send(R, 'in the thread', 1038);
  chat.send(R, 'in the room');
  assert.deepEqual(socket().sentOf('send').map(({ body, thread }) => [body, thread]),
    [['in the thread', 1038], ['in the room', undefined]]);
  assert.equal(chat.unackedSend(clientId).thread, 1038);
  socket().drop();
  await backAgain();
  socket().deliver({ type: 'resumed' });
  assert.deepEqual(socket().sentOf('send').map(frame => [frame.clientId === clientId, frame.thread]),
    [[true, 1038], [false, undefined]]);
});

// ---- The change log: resume replays edits, deletions, reactions and room changes ----

const edited = (room, id, seq, body = `edit ${seq}`) =>
  ({ type: 'edited', room, id, body, editedAt: new Date(Date.UTC(2026, 11, 6, 21, 0, seq)).toISOString(), seq });
const reactions = (room, id, seq, users) => ({ type: 'reactions', room, id, reactions: [{ emoji: '👍', users }], seq });

test('the first resume asks for the changes after the changeSeq each room was read with', () => {
  const { chat, socket } = connection({ rooms: { [R]: 1040, [Y]: 7 }, changes: { [R]: 12, [Y]: 3 } });
  assert.equal(chat.changesSeen(R), 12);
  assert.equal(chat.changesSeen('unknown'), 0);
  chat.connect();
  socket().accept();
  assert.deepEqual(socket().sentOf('resume'), [{ type: 'resume', rooms: { [R]: 1040, [Y]: 7 }, changes: { [R]: 12, [Y]: 3 } }]);
});

test('the change position moves only over changes that all arrived: after a gap, a reconnect asks from before it', async () => {
  const { chat, socket, events, backAgain } = connection({ changes: { [R]: 4 } });
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' }); // an old server's: it tells nothing
  assert.equal(chat.changesSeen(R), 4);
  socket().deliver(edited(R, 1039, 5));
  assert.equal(chat.changesSeen(R), 5);
  socket().deliver(reactions(R, 1038, 7, ['bob'])); // 6 is still on its way (another node)
  assert.equal(chat.changesSeen(R), 5);
  assert.equal(events.filter(([type]) => type === 'reactions').length, 1, 'reported all the same');

  socket().drop();
  await backAgain();
  assert.deepEqual(socket().sentOf('resume'), [{ type: 'resume', rooms: { [R]: 1040 }, changes: { [R]: 5 } }]);
  socket().deliver({ type: 'resumed' });
  socket().deliver({ type: 'deleted', room: R, id: 1037, seq: 6 });
  assert.equal(chat.changesSeen(R), 7, '7 had arrived: the gap is filled');
  // A room frame of a known room counts too.
  socket().deliver({ type: 'room', room: { id: R, kind: 'group', name: 'R', members: ['alice', 'bob'], lastMessageId: 1040, changeSeq: 8 } });
  assert.equal(chat.changesSeen(R), 8);
});

test('what arrives while a resume is awaited counts once it is answered, and not if the connection drops first', async () => {
  const { chat, socket, backAgain } = connection({ changes: { [R]: 4 } });
  chat.connect();
  socket().accept();
  // Replayed: the room's current view (its changeSeq 7 is an edit's), then the messages changed.
  socket().deliver([{ type: 'room', room: { id: R, kind: 'group', name: 'R2', members: ['alice'], lastMessageId: 1040, changeSeq: 7 } },
    edited(R, 1039, 5), edited(R, 1036, 6)]);
  assert.equal(chat.changesSeen(R), 4);
  socket().drop(); // before the edit of seq 7 came
  await backAgain();
  assert.deepEqual(socket().sentOf('resume')[0].changes, { [R]: 4 });
  socket().deliver([edited(R, 1039, 5), edited(R, 1036, 6), edited(R, 1035, 7), edited(R, 1034, 9)]);
  socket().deliver({ type: 'resumed', changes: { [R]: 7 } });
  assert.equal(chat.changesSeen(R), 7, '9 is past a gap');
  socket().deliver(edited(R, 1033, 8));
  assert.equal(chat.changesSeen(R), 9);
});

test('resumed raises the change position to what it says was sent, and never lowers it', async () => {
  const { chat, socket, backAgain } = connection({ rooms: { [R]: 1040, [Y]: 7 }, changes: { [R]: 4, [Y]: 2 } });
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed', changes: { [R]: 9, [Y]: 2 } });
  assert.deepEqual([chat.changesSeen(R), chat.changesSeen(Y)], [9, 2]);
  socket().deliver(edited(R, 1039, 11));
  assert.equal(chat.changesSeen(R), 9);

  socket().drop();
  await backAgain();
  assert.deepEqual(socket().sentOf('resume')[0].changes, { [R]: 9, [Y]: 2 });
  socket().deliver({ type: 'resumed', changes: { [R]: 10 } });
  assert.equal(chat.changesSeen(R), 11, 'and what had arrived past it counts');

  socket().drop();
  await backAgain();
  socket().deliver({ type: 'resumed', changes: { [R]: 3, [Y]: 1 } });
  assert.deepEqual([chat.changesSeen(R), chat.changesSeen(Y)], [11, 2]);
});

test('reactions: a state older than the one reported is not reported; of a message on its way the newest comes with it', () => {
  const { chat, socket, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver([message(R, 1041, 'bob'), { type: 'resumed' }]);
  socket().deliver(reactions(R, 1041, 8, ['bob', 'carol']));
  socket().deliver(reactions(R, 1041, 6, ['bob'])); // replayed, after the live one of a later change
  socket().deliver(reactions(R, 1041, 9, ['carol']));
  assert.deepEqual(events.filter(([type]) => type === 'reactions').map(([, r]) => r.seq), [8, 9]);

  socket().deliver(reactions(R, 1042, 12, ['dave']));
  socket().deliver(reactions(R, 1042, 10, ['bob']));
  socket().deliver(message(R, 1042, 'carol'));
  const applied = events.filter(([type]) => type === 'message').map(([, m]) => m);
  assert.deepEqual(applied[1].reactions, [{ emoji: '👍', users: ['dave'] }], 'seq 12, not the last to arrive');
  socket().deliver(reactions(R, 1042, 11, ['bob', 'dave']));
  assert.deepEqual(events.filter(([type]) => type === 'reactions').map(([, r]) => r.seq), [8, 9], 'older than what came with it');
  assert.equal(chat.changesSeen(R), 0, 'seqs 1 to 5 never came');
});

test('a room view older than the one reported is not reported again, but its change counts', () => {
  const { chat, socket, events } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  const room = { id: Y, kind: 'group', name: 'Dinner club', members: ['alice', 'bob'], lastMessageId: 2210, changeSeq: 3 };
  socket().deliver({ type: 'room', room });
  assert.deepEqual(socket().sentOf('resume').at(-1), { type: 'resume', rooms: { [Y]: 2210 }, changes: { [Y]: 3 } });
  socket().deliver({ type: 'resumed', changes: { [Y]: 3 } });
  socket().deliver({ type: 'room', room: { ...room, name: 'Supper club', changeSeq: 5 } });
  socket().deliver({ type: 'room', room: { ...room, members: ['alice', 'bob', 'carol'], changeSeq: 4 } });
  assert.deepEqual(events.filter(([type]) => type === 'room').map(([, r]) => r.name), ['Dinner club', 'Supper club']);
  assert.equal(chat.changesSeen(Y), 5);
  socket().deliver({ type: 'room', room: { ...room, name: 'Supper club', members: ['alice', 'bob', 'carol'], changeSeq: 6 } });
  assert.equal(events.filter(([type]) => type === 'room').length, 3);
});

test('a room followed while connected resumes its changes too; a room left forgets its position', () => {
  const { chat, socket } = connection();
  chat.connect();
  socket().accept();
  socket().deliver({ type: 'resumed' });
  chat.follow(Y, 2210, 6); // joined over HTTP: the answer had changeSeq 6
  assert.deepEqual(socket().sentOf('resume').at(-1), { type: 'resume', rooms: { [Y]: 2210 }, changes: { [Y]: 6 } });
  socket().deliver({ type: 'resumed', changes: { [Y]: 8 } });
  assert.equal(chat.changesSeen(Y), 8);
  socket().deliver({ type: 'removed', room: Y });
  assert.equal(chat.changesSeen(Y), 0);
  socket().deliver(edited(Y, 2200, 9)); // on its way before the removal
  socket().deliver({ type: 'room', room: { id: Y, kind: 'group', name: 'Y', members: ['alice'], lastMessageId: 2230, changeSeq: 12 } });
  assert.deepEqual(socket().sentOf('resume').at(-1), { type: 'resume', rooms: { [Y]: 2230 }, changes: { [Y]: 12 } });
});
