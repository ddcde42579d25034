import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { ProblemException, problems } from '../http/problem';

/** How much decoded text of the file's start is kept to detect its delimiter. */
const SAMPLE_CHARACTERS = 64 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface ReceivedUpload {
  fileName: string;
  /** Bytes stored (the byte order mark, if any, is not stored). */
  size: number;
  /** The start of the file as text, for delimiter detection. */
  sample: string;
  /** The sample is not the whole file. */
  truncated: boolean;
}

/**
 * Streams the `file` field of a multipart upload to `path`, never holding the file in memory: answers 413 (and
 * deletes what was written) past `maxBytes`, 422 naming `file` when it is missing or not UTF-8. A UTF-8 byte
 * order mark is dropped.
 */
export async function receiveCsvUpload(
  req: Request,
  { path, maxBytes }: { path: string; maxBytes: number },
): Promise<ReceivedUpload> {
  const declaredLength = Number(req.headers['content-length'] ?? 0);
  // Refused before reading a byte; the connection closes, as the rest of the body is not read.
  if (declaredLength > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes, { Connection: 'close' });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 20 } });
  } catch {
    throw new ProblemException(415, 'Send the file as multipart/form-data in the field "file"');
  }
  await mkdir(dirname(path), { recursive: true });
  try {
    return await new Promise<ReceivedUpload>((resolve, reject) => {
      let received: Promise<ReceivedUpload | ProblemException> | undefined;
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || received) {
          stream.resume();
          return;
        }
        received = storeFile(stream, { path, maxBytes, fileName: info.filename || 'import.csv' });
      });
      parser.on('error', (error) =>
        reject(problems.badRequest(`The upload cannot be read: ${String(error)}`)),
      );
      parser.on('close', () => {
        if (!received) return reject(problems.field('file', 'file', 'is required (multipart field "file")'));
        received.then(
          (outcome) => (outcome instanceof ProblemException ? reject(outcome) : resolve(outcome)),
          reject,
        );
      });
      req.on('close', () => {
        if (!req.complete) reject(problems.badRequest('The upload was interrupted'));
      });
      req.pipe(parser);
    });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

async function storeFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  { path, maxBytes, fileName }: { path: string; maxBytes: number; fileName: string },
): Promise<ReceivedUpload | ProblemException> {
  const sink = new Utf8FileSink(createWriteStream(path));
  await pipeline(stream, sink);
  if (stream.truncated) return tooLarge(maxBytes);
  if (!sink.valid) return problems.field('file', 'file', 'is not UTF-8 text (save the CSV as UTF-8)');
  if (sink.size === 0) return problems.field('file', 'file', 'is empty');
  return {
    fileName: fileName.slice(0, 255),
    size: sink.size,
    sample: sink.sample,
    truncated: sink.truncated,
  };
}

function tooLarge(maxBytes: number, headers: Record<string, string> = {}): ProblemException {
  const limit = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes} bytes`;
  return new ProblemException(413, `The file is larger than the import limit of ${limit}`, { headers });
}

/**
 * Writes the bytes it is given to a file, checking on the way that they are UTF-8 and keeping the first
 * characters as a sample. Once a byte sequence is invalid it stops writing but keeps consuming, so the upload
 * can be read to its end and answered.
 */
class Utf8FileSink extends Writable {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private head: Buffer | null = Buffer.alloc(0);
  valid = true;
  size = 0;
  sample = '';
  private characters = 0;

  constructor(private readonly file: WriteStream) {
    super();
  }

  get truncated(): boolean {
    return this.characters > this.sample.length;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.valid) return callback();
    let bytes = chunk;
    if (this.head) {
      // The byte order mark can only be judged once three bytes have arrived.
      const start = Buffer.concat([this.head, chunk]);
      if (start.length < UTF8_BOM.length && UTF8_BOM.subarray(0, start.length).equals(start)) {
        this.head = start;
        return callback();
      }
      this.head = null;
      bytes = start.subarray(0, 3).equals(UTF8_BOM) ? start.subarray(3) : start;
    }
    this.take(bytes, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    const rest = this.head ?? Buffer.alloc(0);
    this.head = null;
    this.take(rest, () => {
      try {
        this.decoder.decode();
      } catch {
        this.valid = false;
      }
      this.file.end(callback);
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.file.destroy();
    callback(error);
  }

  private take(bytes: Buffer, callback: (error?: Error | null) => void): void {
    if (bytes.length === 0) return callback();
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.valid = false;
      return callback();
    }
    this.sample += text.slice(0, SAMPLE_CHARACTERS - this.sample.length);
    this.characters += text.length;
    this.size += bytes.length;
    if (this.file.write(bytes)) callback();
    else this.file.once('drain', () => callback());
  }
}
