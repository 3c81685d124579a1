// What the sidebar shows, from store.js: unread counts, read markers from other tabs, and the order of rooms.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatStore } from '../../main/webapp/resources/js/store.js';
import { mentionsIn } from '../../main/webapp/resources/js/markdown.js';

function store() {
  const chat = new ChatStore('alice');
  chat.setUsers([
    { username: 'alice', displayName: 'Alice', online: true },
    { username: 'bob', displayName: 'Bob', online: false },
    { username: 'carol', displayName: '', online: true },
  ]);
  return chat;
}

const direct = (id, peer, lastMessageId = 0) => ({ id, kind: 'direct', members: ['alice', peer], lastMessageId });
const group = (id, name, lastMessageId = 0) => ({ id, kind: 'group', name, members: ['alice', 'bob'], lastMessageId });

test('others\' messages count as unread until read; my own never do', () => {
  const chat = store();
  chat.rememberRoom({ ...group('g', 'Dinner', 10), unread: 2, lastReadId: 8 });
  chat.noteMessage({ room: 'g', id: 11, sender: 'bob' }, false);
  chat.noteMessage({ room: 'g', id: 12, sender: 'alice' }, false);
  assert.equal(chat.unread('g'), 3);
  chat.noteMessage({ room: 'g', id: 13, sender: 'bob' }, true);
  assert.equal(chat.unread('g'), 3, 'a message read as it arrives adds nothing');
  assert.equal(chat.totalUnread(), 3);
});

test('a read marker from another tab clears the count only if it reaches the newest message', () => {
  const chat = store();
  chat.rememberRoom({ ...group('g', 'Dinner', 10), unread: 4, lastReadId: 6 });
  chat.markRead('g', 9, 10);
  assert.equal(chat.unread('g'), 4);
  assert.equal(chat.lastRead('g'), 9);
  chat.markRead('g', 7, 10);
  assert.equal(chat.lastRead('g'), 9, 'a marker never moves back');
  chat.markRead('g', 10, 10);
  assert.equal(chat.unread('g'), 0);
});

test('the sidebar lists group rooms and private conversations with messages, most recently active first', () => {
  const chat = store();
  chat.rememberRoom(group('quiet', 'Quiet', 0));
  chat.rememberRoom(group('busy', 'Busy', 40));
  chat.rememberRoom(direct('bob-room', 'bob', 30));
  chat.rememberRoom(direct('carol-room', 'carol', 0));
  assert.deepEqual(chat.listedRooms(null).map(room => room.id), ['busy', 'bob-room', 'quiet']);
  assert.deepEqual(chat.listedRooms('carol-room').map(room => room.id), ['busy', 'bob-room', 'carol-room', 'quiet'],
    'an open private conversation is listed even before its first message');
  chat.noteMessage({ room: 'quiet', id: 41, sender: 'bob' }, false);
  assert.equal(chat.listedRooms(null)[0].id, 'quiet');
  chat.rememberRoom(group('new', 'New', 0));
  chat.noteJoined('new');
  assert.equal(chat.listedRooms(null)[0].id, 'new', 'a room just joined is the newest thing that happened');
});

test('rooms merge what frames say; a private room is named after the other person, or their username', () => {
  const chat = store();
  assert.equal(chat.rememberRoom({ ...group('g', 'Dinner'), createdBy: 'bob' }), true);
  assert.equal(chat.rememberRoom({ id: 'g', kind: 'group', name: 'Supper', members: ['alice'] }), false);
  assert.equal(chat.room('g').createdBy, 'bob');
  assert.equal(chat.title(chat.room('g')), 'Supper');
  chat.rememberRoom(direct('d', 'carol'));
  assert.equal(chat.title(chat.room('d')), 'carol');
  assert.equal(chat.directRoomWith('carol'), 'd');
  chat.forgetRoom('d');
  assert.equal(chat.directRoomWith('carol'), null);
  assert.deepEqual(chat.others(), ['bob', 'carol']);
});

test('presence: only known people are updated', () => {
  const chat = store();
  assert.equal(chat.setOnline('bob', true), true);
  assert.equal(chat.isOnline('bob'), true);
  assert.equal(chat.setOnline('dave', true), false);
});

test('an archived room leaves the sidebar unless it is open; a cleared topic is cleared', () => {
  const chat = store();
  chat.rememberRoom({ ...group('g', 'Dinner', 10), visibility: 'public', topic: 'Fridays', archived: false });
  assert.equal(chat.room('g').topic, 'Fridays');
  chat.rememberRoom({ ...group('g', 'Dinner', 10), visibility: 'public', archived: true });
  assert.equal(chat.room('g').topic, undefined, 'a group room\'s view without a topic has none');
  assert.deepEqual(chat.listedRooms(null), []);
  assert.deepEqual(chat.listedRooms('g').map(room => room.id), ['g']);
  chat.rememberRoom({ id: 'g', kind: 'group', name: 'Dinner', members: ['alice'] });
  assert.equal(chat.room('g').archived, true, 'a partial view (no visibility) keeps what it does not say');
});

test('mentions of me or @room among the unread are counted apart, and read with them', () => {
  const chat = new ChatStore('alice', mentionsIn);
  chat.setUsers([{ username: 'alice' }, { username: 'bob' }]);
  chat.rememberRoom({ ...group('g', 'Dinner', 10), unread: 3, mentions: 1 });
  chat.noteMessage({ room: 'g', id: 11, sender: 'bob', body: 'ask @alice.' }, false);
  chat.noteMessage({ room: 'g', id: 12, sender: 'bob', body: '@room lunch' }, false);
  chat.noteMessage({ room: 'g', id: 13, sender: 'bob', body: 'mail alice@example.org' }, false);
  chat.noteMessage({ room: 'g', id: 14, sender: 'alice', body: '@alice note to self' }, false);
  assert.equal(chat.unread('g'), 6);
  assert.equal(chat.mentions('g'), 3);
  chat.markRead('g', 13, 14);
  assert.equal(chat.mentions('g'), 3, 'not read to the newest yet');
  chat.markRead('g', 14, 14);
  assert.equal(chat.mentions('g'), 0);
});

test('notification levels: muted rooms leave the title count; mentions-only calls only when named', () => {
  const chat = new ChatStore('alice', mentionsIn);
  chat.rememberRoom({ ...group('g', 'Dinner', 10), unread: 2, notifications: 'muted' });
  chat.rememberRoom({ ...group('h', 'Work', 10), unread: 1, notifications: 'mentions' });
  assert.equal(chat.totalUnread(), 1);
  assert.equal(chat.callsForAttention({ room: 'g', body: '@alice!' }), false);
  assert.equal(chat.callsForAttention({ room: 'h', body: 'lunch?' }), false);
  assert.equal(chat.callsForAttention({ room: 'h', body: '@room lunch?' }), true);
  chat.setNotifications('g', 'all');
  assert.equal(chat.callsForAttention({ room: 'g', body: 'anything' }), true);
  assert.equal(chat.totalUnread(), 3);
});

test('a reply counts as unread, and calls for attention, only in threads I take part in or when it names me', () => {
  const chat = new ChatStore('alice', mentionsIn);
  chat.rememberRoom(group('g', 'Dinner', 10));
  // From pages: a thread Bob started and I replied in (its summary says so), one of his I never joined.
  chat.noteThread({ id: 3, sender: 'bob', replies: { count: 2, lastReplyId: 9, people: ['alice', 'carol'] } });
  chat.noteThread({ id: 4, sender: 'bob', replies: { count: 1, lastReplyId: 8, people: ['carol'] } });
  chat.noteMessage({ room: 'g', id: 11, sender: 'carol', body: 'me too', thread: 3 }, false);
  chat.noteMessage({ room: 'g', id: 12, sender: 'carol', body: 'not for you', thread: 4 }, false);
  assert.equal(chat.unread('g'), 1);
  assert.equal(chat.callsForAttention({ room: 'g', body: 'me too', thread: 3 }), true);
  assert.equal(chat.callsForAttention({ room: 'g', body: 'not for you', thread: 4 }), false);

  chat.noteMessage({ room: 'g', id: 13, sender: 'carol', body: '@alice look', thread: 4 }, false);
  assert.equal(chat.unread('g'), 2, 'a reply that names me counts wherever it is');
  assert.equal(chat.mentions('g'), 1);

  // My own message starts a thread I take part in; replying joins one.
  chat.noteMessage({ room: 'g', id: 14, sender: 'alice', body: 'lunch?' }, false);
  chat.noteMessage({ room: 'g', id: 15, sender: 'bob', body: 'yes', thread: 14 }, false);
  chat.noteMessage({ room: 'g', id: 16, sender: 'alice', body: 'ok', thread: 4 }, false);
  chat.noteMessage({ room: 'g', id: 17, sender: 'carol', body: 'see', thread: 4 }, false);
  assert.equal(chat.unread('g'), 4);

  chat.setNotifications('g', 'muted');
  assert.equal(chat.callsForAttention({ room: 'g', body: 'yes', thread: 14 }), false, 'muted is muted');
  chat.setNotifications('g', 'mentions');
  assert.equal(chat.callsForAttention({ room: 'g', body: 'yes', thread: 14 }), false);
  assert.equal(chat.callsForAttention({ room: 'g', body: '@alice yes', thread: 14 }), true);
});

test('a hidden direct conversation leaves the list until a newer message arrives', () => {
  const chat = store();
  chat.rememberRoom({ ...direct('d', 'bob', 20), unread: 0, hiddenUpTo: 20 });
  chat.rememberRoom({ ...direct('e', 'carol', 30), unread: 0 });
  assert.deepEqual(chat.listedRooms(null).map(room => room.id), ['e']);
  assert.deepEqual(chat.listedRooms('d').map(room => room.id), ['e', 'd'], 'the open one stays');
  chat.rememberRoom({ id: 'd', kind: 'direct', members: ['alice', 'bob'], lastMessageId: 20 });
  assert.equal(chat.isHidden(chat.room('d')), true, 'a frame without hiddenUpTo changes nothing');
  chat.noteMessage({ room: 'd', id: 31, sender: 'bob', body: 'still there?' }, false);
  assert.deepEqual(chat.listedRooms(null).map(room => room.id), ['d', 'e']);
  chat.setHidden('e', 30);
  assert.deepEqual(chat.listedRooms(null).map(room => room.id), ['d']);
  chat.rememberRoom({ ...direct('e', 'carol', 30), unread: 0 });
  assert.deepEqual(chat.listedRooms(null).map(room => room.id), ['d', 'e'], 'the room list says it is shown again');
});

test('a room view older than the one held (by changeSeq) keeps the held name, settings and members', () => {
  const chat = store();
  chat.rememberRoom({ ...group('g', 'Dinner', 10), visibility: 'public', topic: 'Fridays', changeSeq: 4, unread: 0 });
  chat.rememberRoom({ ...group('g', 'Supper', 12), members: ['alice'], visibility: 'public', changeSeq: 6 }); // a frame
  // The room list, read before that change, answered after its frame.
  chat.rememberRoom({ ...group('g', 'Dinner', 11), visibility: 'public', topic: 'Fridays', changeSeq: 5, unread: 1, notifications: 'muted' });
  const room = chat.room('g');
  assert.deepEqual([room.name, room.topic, room.members, room.changeSeq], ['Supper', undefined, ['alice'], 6]);
  assert.equal(chat.notifications('g'), 'muted', 'what the change log does not date is taken');
  chat.rememberRoom({ ...group('g', 'Brunch', 12), visibility: 'public', topic: 'Sundays', changeSeq: 7 });
  assert.deepEqual([chat.room('g').name, chat.room('g').topic], ['Brunch', 'Sundays']);
  chat.rememberRoom({ ...group('g', 'Lunch', 12) }); // an old server's: no changeSeq
  assert.equal(chat.room('g').name, 'Lunch');
});
