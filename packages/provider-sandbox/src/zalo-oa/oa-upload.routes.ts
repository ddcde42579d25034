import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../state/sandbox-context';
import { isOaError, oaFromToken } from './oa-access';
import { OA_ERRORS } from './oa.errors';

const MAX_IMAGE_BYTES = 1024 * 1024;

function isJpegOrPng(bytes: Buffer): boolean {
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return jpeg || png;
}

/** POST /v2.0/oa/upload/image: multipart `file`, JPG/PNG ≤1 MB → `attachment_id` (providers.md §3.2). */
export function registerOaUploadRoutes(root: FastifyInstance, context: SandboxContext): void {
  root.register(async (app) => {
    await app.register(multipart, { limits: { files: 1, fileSize: MAX_IMAGE_BYTES } });
    app.post('/zalo-oa/v2.0/oa/upload/image', async (request) => {
      const now = context.now();
      const oa = oaFromToken(context, request.headers['access_token']);
      if (isOaError(oa)) return oa;
      const file = await request.file();
      if (!file) return OA_ERRORS.paramInvalid('file is required');
      let bytes: Buffer;
      try {
        bytes = await file.toBuffer();
      } catch {
        return OA_ERRORS.paramInvalid('image is larger than 1 MB');
      }
      if (!isJpegOrPng(bytes)) return OA_ERRORS.paramInvalid('image must be JPG or PNG');
      const attachmentId = context.state.ids.next(32);
      context.state.oaUploads.set(attachmentId, now);
      return { error: 0, message: 'Success', data: { attachment_id: attachmentId } };
    });
  });
}
