import * as client from "openid-client";
import type { SsoConfig } from "../../config/env";

// What the app asks the provider for: who the person is and their email address.
const SCOPE = "openid email profile";
// Provider metadata is re-read now and then (keys and endpoints can move); JWKS follows key ids itself.
const DISCOVERY_TTL_MS = 60 * 60_000;
// A provider that does not answer within this is treated as down: the person gets a clear page.
const TIMEOUT_SECONDS = 10;

/** The checks one sign-in attempt carries from the start to the callback. */
export interface AttemptChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The identity claims of the person the provider signed in (ID token, topped up from userinfo). */
export type IdentityClaims = Record<string, unknown> & { iss: string; sub: string };

/** What came of a callback: claims, or why not (never a thrown error for the provider's answers). */
export type CallbackOutcome =
  | { kind: "verified"; claims: IdentityClaims }
  | { kind: "unavailable"; detail: string }
  | { kind: "denied"; detail: string }
  | { kind: "invalid"; detail: string };

export interface OpenIdConnect {
  /** Where to send the browser for this attempt; null when the provider cannot be reached. */
  buildAuthorizationUrl(checks: AttemptChecks): Promise<URL | null>;
  /** Exchanges the code in the callback (PKCE, state, nonce, issuer, audience and signature checked). */
  finishAuthorization(callbackQuery: string, checks: AttemptChecks): Promise<CallbackOutcome>;
}

/**
 * An OpenID Connect relying party over openid-client: discovery cached (a failure is not, so a
 * provider that comes back is used again), authorization code with PKCE S256, state and nonce.
 */
export function createOpenIdConnect(sso: SsoConfig): OpenIdConnect {
  const issuer = new URL(sso.issuerUrl);
  // http only reaches here for a loopback issuer (config/env.ts refuses others): a test provider.
  const insecure = issuer.protocol === "http:";
  let cached: { configuration: Promise<client.Configuration>; at: number } | null = null;

  function discover(): Promise<client.Configuration> {
    const now = Date.now();
    if (cached && now - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
    const configuration = client
      .discovery(issuer, sso.clientId, undefined, client.ClientSecretPost(sso.clientSecret), {
        timeout: TIMEOUT_SECONDS,
        execute: insecure ? [client.allowInsecureRequests] : [],
      })
      .then((discovered) => {
        discovered.timeout = TIMEOUT_SECONDS;
        return discovered;
      });
    const entry = { configuration, at: now };
    cached = entry;
    configuration.catch(() => {
      if (cached === entry) cached = null;
    });
    return configuration;
  }

  return {
    async buildAuthorizationUrl(checks) {
      let configuration: client.Configuration;
      try {
        configuration = await discover();
      } catch {
        return null;
      }
      return client.buildAuthorizationUrl(configuration, {
        redirect_uri: sso.redirectUrl,
        scope: SCOPE,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: "S256",
      });
    },

    async finishAuthorization(callbackQuery, checks) {
      let configuration: client.Configuration;
      try {
        configuration = await discover();
      } catch (error) {
        return { kind: "unavailable", detail: describe(error) };
      }
      // The URL the provider redirected to, as registered: behind a proxy the request's own URL differs.
      const callbackUrl = new URL(sso.redirectUrl);
      callbackUrl.search = callbackQuery;
      try {
        const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.codeVerifier,
          idTokenExpected: true,
        });
        const idClaims = tokens.claims();
        if (!idClaims) return { kind: "invalid", detail: "no ID token" };
        const claims: IdentityClaims = { ...idClaims };
        // Some providers put the email only in userinfo; the subject must match the ID token's.
        if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
          const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
          for (const [name, value] of Object.entries(userInfo))
            if (!(name in claims) && name !== "sub") claims[name] = value;
        }
        return { kind: "verified", claims };
      } catch (error) {
        return classify(error);
      }
    },
  };
}

// Failures are told apart for the person (down, refused, did not check out) and for the log.
function classify(error: unknown): CallbackOutcome {
  if (error instanceof client.AuthorizationResponseError) return { kind: "denied", detail: error.error };
  if (error instanceof client.ResponseBodyError) return { kind: "invalid", detail: `token endpoint: ${error.error}` };
  if (error instanceof TypeError && error.message === "fetch failed")
    return { kind: "unavailable", detail: "fetch failed" };
  if (error instanceof client.ClientError) {
    const unreachable = ["OAUTH_TIMEOUT", "OAUTH_ABORT", "OAUTH_RESPONSE_IS_NOT_CONFORM", "OAUTH_RESPONSE_IS_NOT_JSON"];
    if (error.code && unreachable.includes(error.code)) return { kind: "unavailable", detail: error.code };
    return { kind: "invalid", detail: error.code ?? error.message };
  }
  return { kind: "invalid", detail: describe(error) };
}

// Library errors carry codes and messages about the protocol, never the person's claims.
function describe(error: unknown): string {
  if (error instanceof client.ClientError) return error.code ?? error.message;
  return error instanceof Error ? error.name : "unknown";
}
