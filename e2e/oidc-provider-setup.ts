import { startOidcTestProvider } from "../apps/api/src/test/oidc-test-provider";
import { OIDC_CLIENT, OIDC_PORT, SSO_SERVER_ENV } from "./sso-settings";

/** Global set-up: the test OpenID provider, up for the whole run; its login page asks for an email address. */
export default async function startTestIdentityProvider(): Promise<() => Promise<void>> {
  const provider = await startOidcTestProvider({
    port: OIDC_PORT,
    clients: { app: OIDC_CLIENT },
    redirectUris: [SSO_SERVER_ENV.OIDC_REDIRECT_URL],
    claimsInIdToken: true,
    interactive: true,
  });
  return () => provider.close();
}
