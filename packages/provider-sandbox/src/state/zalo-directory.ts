import { createHash } from 'node:crypto';
import type {
  SandboxSeed,
  ZaloAppSeed,
  ZaloFollowerSeed,
  ZaloOaSeed,
  ZnsTemplateSeed,
} from '../sandbox.types';

export interface ZaloUser extends ZaloFollowerSeed {
  /** Vietnamese day (yyyy-mm-dd) of the last promotion, to allow one per user per day. */
  lastPromotionDay?: string;
}

export interface ZaloOa {
  seed: ZaloOaSeed;
  app: ZaloAppSeed;
  templates: Map<string, ZnsTemplateSeed>;
  adminPhones: Set<string>;
  users: Map<string, ZaloUser>;
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Zalo apps, OAs, templates and users, with the mutable follower state the OA rules read. */
export class ZaloDirectory {
  readonly apps = new Map<string, ZaloAppSeed>();
  readonly oas = new Map<string, ZaloOa>();
  readonly phonesNotOnZalo: Set<string>;
  /** SHA-256 hex of known phones (admins, not-on-Zalo) → phone, for hash-phone sends. */
  readonly phoneByHash = new Map<string, string>();
  /** Inbound message ids (from simulated user events) → user, for `recipient.message_id` replies. */
  readonly inboundMessages = new Map<string, { oaId: string; userId: string }>();

  constructor(seed: SandboxSeed) {
    this.phonesNotOnZalo = new Set(seed.phonesNotOnZalo);
    for (const phone of seed.phonesNotOnZalo) this.phoneByHash.set(sha256Hex(phone), phone);
    for (const app of seed.zalo) {
      this.apps.set(app.appId, app);
      for (const oa of app.oas) {
        this.oas.set(oa.oaId, {
          seed: oa,
          app,
          templates: new Map(oa.templates.map((template) => [template.templateId, template])),
          adminPhones: new Set(oa.adminPhones),
          users: new Map(oa.followers.map((user) => [user.userId, { ...user }])),
        });
        for (const phone of oa.adminPhones) this.phoneByHash.set(sha256Hex(phone), phone);
      }
    }
  }
}
