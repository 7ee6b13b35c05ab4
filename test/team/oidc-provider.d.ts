// The few parts of oidc-provider (which ships no types) that the OIDC test uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  interface Account {
    accountId: string;
    claims: () => Record<string, unknown>;
  }

  interface Configuration {
    clients: Array<{ client_id: string; client_secret: string; redirect_uris: string[] }>;
    pkce?: { required: () => boolean };
    claims?: Record<string, string[]>;
    findAccount: (ctx: unknown, id: string) => Account | Promise<Account>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
