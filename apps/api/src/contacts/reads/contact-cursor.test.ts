import { decodeCursor, encodeCursor } from './contact-cursor';

describe('contact cursors', () => {
  const cursor = {
    sort: 'name' as const,
    order: 'asc' as const,
    value: 'Nguyễn "Mai"',
    id: '0b7f8a4e-9f3c-4a52-9b0c-2f1d3e4a5b6c',
  };

  it('round-trips through an opaque URL-safe token', () => {
    const token = encodeCursor(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token)).toEqual(cursor);
  });

  it('decodes anything that is not one of its tokens to null', () => {
    expect(decodeCursor('not-a-cursor')).toBeNull();
    expect(decodeCursor(Buffer.from('{"s":"name"}').toString('base64url'))).toBeNull();
    expect(
      decodeCursor(
        Buffer.from(JSON.stringify({ s: 'age', o: 'asc', v: '', i: cursor.id })).toString('base64url'),
      ),
    ).toBeNull();
  });

  it('decodes a token whose value PostgreSQL could not read as its sort type to null', () => {
    const forged = (s: string, v: string) =>
      Buffer.from(JSON.stringify({ s, o: 'desc', v, i: cursor.id })).toString('base64url');
    expect(decodeCursor(forged('created_at', 'garbage'))).toBeNull();
    expect(decodeCursor(forged('updated_at', '2026-13-01 00:00:00+00'))).toBeNull();
    expect(decodeCursor(forged('name', 'a\u0000b'))).toBeNull();
    expect(decodeCursor(forged('created_at', '2026-11-30 13:01:49.123456+00'))).toEqual(
      expect.objectContaining({ value: '2026-11-30 13:01:49.123456+00' }),
    );
  });
});
