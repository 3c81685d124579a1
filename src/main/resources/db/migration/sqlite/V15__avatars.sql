-- A person's picture: the file store's key of its bytes and its image type; NULL: none (the page shows an initial).
ALTER TABLE users ADD COLUMN avatar_key TEXT;
ALTER TABLE users ADD COLUMN avatar_type TEXT;
