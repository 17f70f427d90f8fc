/// <reference path="./oidc-provider.d.ts" />
// (The reference: browser tests import this file from another package, where oidc-provider has no types otherwise.)
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";

/** The claims of a test account the provider signs in: `sub` plus whatever the test chooses. */
export type TestAccountClaims = { sub: string } & Record<string, unknown>;

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface OidcTestProvider {
  /** The issuer URL (http on 127.0.0.1). */
  issuer: string;
  /** Registered clients, by the name the test gave them. */
  clients: Record<string, TestClient>;
  /**
   * Who the next person to reach the provider's login is: these claims, or null to have them
   * cancel there (the provider answers `access_denied`).
   */
  signInAs(claims: TestAccountClaims | null): void;
  close(): Promise<void>;
}

export interface OidcTestProviderOptions {
  /** Client names to register, each with its own id and secret; all accept the same redirect URIs. */
  clients: Record<string, TestClient>;
  redirectUris: string[];
  /**
   * Put the email claims in the ID token itself (as Microsoft Entra ID does). When false the
   * provider follows the standard strictly and gives them only from userinfo.
   */
  claimsInIdToken?: boolean;
  /**
   * For browser tests: the provider's login is a page asking for an email address, and whoever
   * gives one signs in with it, verified. Otherwise `signInAs` decides who signs in.
   */
  interactive?: boolean;
  /** Where to listen (findFreePort from @psu/prisma in integration tests; a fixed one for browser tests). */
  port: number;
}

const TTL_SECONDS = 600;

/**
 * A real OpenID provider (oidc-provider, the certified implementation) for tests: authorization
 * code with PKCE, signed ID tokens, discovery and JWKS. Its login is this file's instead of a
 * form: the account set by `signInAs` signs in and consents at once.
 */
export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const port = options.port;
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map<string, TestAccountClaims>();
  let next: TestAccountClaims | null = null;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: Object.values(options.clients).map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: options.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    })),
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" }] },
    cookies: { keys: ["oidc-test-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: !(options.claimsInIdToken ?? false),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: TTL_SECONDS,
      AuthorizationCode: TTL_SECONDS,
      Grant: TTL_SECONDS,
      IdToken: TTL_SECONDS,
      Interaction: TTL_SECONDS,
      Session: TTL_SECONDS,
    },
    findAccount: async (_context: unknown, sub: string) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => claims } : undefined;
    },
  });

  const handleProvider = provider.callback();
  async function logIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const interaction = await provider.interactionDetails(request, response);
    if (options.interactive && request.method === "GET") return sendLoginPage(response, interaction.uid);
    const account = options.interactive ? accountFromForm(await readForm(request)) : next;
    if (!account) {
      await provider.interactionFinished(request, response, {
        error: "access_denied",
        error_description: "The person cancelled.",
      });
      return;
    }
    accounts.set(account.sub, account);
    const grant = new provider.Grant({ accountId: account.sub, clientId: interaction.params.client_id });
    grant.addOIDCScope(interaction.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.sub }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const server = createServer((request, response) => {
    if (request.url?.startsWith("/interaction/")) {
      logIn(request, response).catch(() => {
        response.statusCode = 500;
        response.end();
      });
      return;
    }
    handleProvider(request, response);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    issuer,
    clients: options.clients,
    signInAs(claims) {
      next = claims;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// The interactive login: one labelled field and a button, enough for a browser test to drive.
function sendLoginPage(response: ServerResponse, uid: string): void {
  response.setHeader("content-type", "text/html; charset=utf-8");
  response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<label for="email">Email address</label> <input id="email" name="email" type="email" autocomplete="off">
<button type="submit">Sign in to the test provider</button>
</form></main></body></html>`);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of request) body += String(chunk);
  return new URLSearchParams(body);
}

function accountFromForm(form: URLSearchParams): TestAccountClaims | null {
  const email = form.get("email")?.trim();
  return email ? { sub: email, email, email_verified: true } : null;
}
