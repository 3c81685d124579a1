/**
 * Rooms and who is in them: direct rooms found from their two members, group rooms whose members come and go,
 * read markers, and the room lock that serialises posts to one room. Fires {@link
 * dev.parley.room.RoomChanged} and {@link dev.parley.room.ReadMarked} after commit.
 */
package dev.parley.room;
