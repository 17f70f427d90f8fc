import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { findFreePort } from "@psu/prisma";
import Provider from "oidc-provider";

/** The claims of a test account the provider signs in: `sub` plus whatever the test chooses. */
export type TestAccountClaims = { sub: string } & Record<string, unknown>;

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface OidcTestProvider {
  /** The issuer URL (http on 127.0.0.1, on a free port). */
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
}

const TTL_SECONDS = 600;

/**
 * A real OpenID provider (oidc-provider, the certified implementation) for tests: authorization
 * code with PKCE, signed ID tokens, discovery and JWKS. Its login is this file's instead of a
 * form: the account set by `signInAs` signs in and consents at once.
 */
export async function startOidcTestProvider(options: OidcTestProviderOptions): Promise<OidcTestProvider> {
  const port = await findFreePort();
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
    const account = next;
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
