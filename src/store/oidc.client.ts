import * as oidc from 'openid-client';

/** What the identity provider vouched for after a sign-in. */
export interface OidcIdentity {
  subject: string;
  email: string | undefined;
  name: string | undefined;
}

/** One sign-in attempt's secrets, kept by the browser (HTTP-only cookie) between start and callback. */
export interface OidcChallenge {
  state: string;
  nonce: string;
  verifier: string;
}

/** The organisation's identity provider over OpenID Connect (authorization code with PKCE). */
export interface OidcClient {
  start(): Promise<{ url: string; challenge: OidcChallenge }>;
  /** Exchanges the code of the callback URL for the verified identity; throws on any mismatch. */
  finish(callbackUrl: URL, challenge: OidcChallenge): Promise<OidcIdentity>;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Discovers the provider once (its /.well-known/openid-configuration) and signs in against it. */
export async function openIdConnectClient(settings: OidcSettings): Promise<OidcClient> {
  const issuer = new URL(settings.issuer);
  const options = issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined;
  const config = await oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
  return {
    async start() {
      const challenge = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        code_challenge: await oidc.calculatePKCECodeChallenge(challenge.verifier),
        code_challenge_method: 'S256',
        state: challenge.state,
        nonce: challenge.nonce,
      });
      return { url: url.href, challenge };
    },
    async finish(callbackUrl, challenge) {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: challenge.verifier,
        expectedState: challenge.state,
        expectedNonce: challenge.nonce,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the identity provider sent no ID token');
      // Providers may keep email and name out of the ID token; the userinfo endpoint has them.
      const profile = typeof claims.email === 'string' ? claims : await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return {
        subject: claims.sub,
        email: typeof profile.email === 'string' ? profile.email : undefined,
        name: typeof profile.name === 'string' ? profile.name : undefined,
      };
    },
  };
}
