// Single sign-on for the browser tests: a real OpenID provider (oidc-provider) that the global
// set-up starts on a port of its own, and the settings the app is started with to use it.

const appPort = Number(process.env.E2E_PORT ?? 3100);

/** Where the test provider listens: beside the app's own port unless E2E_OIDC_PORT says otherwise. */
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? appPort + 2000);

export const OIDC_CLIENT = { clientId: "psu-case-management-e2e", clientSecret: "e2e-client-secret-not-for-real-use" };

export const SSO_BUTTON_LABEL = "Sign in with your NHS account";

/** The app's OIDC settings, as the environment gives them (apps/api/src/config/env.ts). */
export const SSO_SERVER_ENV = {
  OIDC_ISSUER_URL: `http://127.0.0.1:${OIDC_PORT}`,
  OIDC_CLIENT_ID: OIDC_CLIENT.clientId,
  OIDC_CLIENT_SECRET: OIDC_CLIENT.clientSecret,
  OIDC_REDIRECT_URL: `http://127.0.0.1:${appPort}/api/auth/sso/callback`,
  OIDC_BUTTON_LABEL: SSO_BUTTON_LABEL,
};
