/**
 * Files and images people share in rooms: uploaded over HTTP, kept by a {@link dev.parley.file.FileStore}, attached
 * to a message by its {@code send}, and served only to the room's members.
 */
package dev.parley.file;
