export type E2eRole = 'admin' | 'marketer' | 'analyst';

/** What the shared browser-test stack serves, handed to the test files through LOA_E2E_STACK (JSON). */
export interface E2eStack {
  apiUrl: string;
  builderUrl: string;
  /** The provider sandbox's inbox (GET …/messages) and control URLs. */
  sandbox: { inbox: string; control: string };
  /** Three members of one workspace, signed in through the login page by the tests. */
  users: Record<E2eRole, { email: string; password: string; name: string }>;
  workspaceId: string;
  /** Channel accounts on the sandbox: a connected Zalo OA (ZNS + OA, templates synced) and an eSMS care account. */
  accounts: { zaloOa: string; esms: string };
  /**
   * Sandbox credentials for tests that add channel accounts through the forms: a Zalo app whose OA no account is
   * connected to (its consent redirects to the API's callback) and the eSMS account.
   */
  unusedProviderAccounts: {
    zalo: {
      appId: string;
      appSecret: string;
      oaId: string;
      oaName: string;
      webhookSecret: string;
      baseUrls: { oauth: string; zns: string; oa: string };
    };
    esms: { apiKey: string; secretKey: string; brandname: string; baseUrl: string };
  };
  /** An ingest key for POST /v1/track. */
  ingestKey: string;
}

export const E2E_STACK_ENV = 'LOA_E2E_STACK';
export const E2E_STACK_READY = 'LOA_E2E_STACK_READY ';
