import type { PrismaClient } from "@psu/prisma";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "./config/env";
import { accountRoutes } from "./modules/account/account.routes";
import { useKeyedHashForAuditAddresses } from "./modules/audit/audit.repository";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { caseChangeRoutes } from "./modules/case-changes/case-changes.routes";
import { caseViewRoutes } from "./modules/case-view/case-view.routes";
import { catalogueRoutes } from "./modules/catalogue/catalogue.routes";
import { dataProtectionRoutes } from "./modules/data-protection/data-protection.routes";
import { draftRoutes } from "./modules/drafts/drafts.routes";
import { eligibilityRoutes } from "./modules/eligibility/eligibility.routes";
import { equalityRoutes } from "./modules/equality/equality.routes";
import { healthRoutes } from "./modules/health/health.routes";
import { publishedDocumentRoutes, publishedLinkRoutes } from "./modules/published-links/published-links.routes";
import { queueRoutes } from "./modules/queue/queue.routes";
import { referralStatusRoutes } from "./modules/referral-status/referral-status.routes";
import { recordReferralRoutes } from "./modules/referrals/record-referral.routes";
import { referralRoutes } from "./modules/referrals/referrals.routes";
import { reportsRoutes } from "./modules/reports/reports.routes";
import { ssoRoutes } from "./modules/sso/sso.routes";
import { staffAdminRoutes } from "./modules/staff-admin/staff-admin.routes";
import { apiDocsPlugin, apiDocsRoutes } from "./plugins/api-docs";
import { backgroundJobsPlugin } from "./plugins/background-jobs";
import { databasePlugin } from "./plugins/database";
import { errorHandlerPlugin, sendFrameworkError, sendNotFound } from "./plugins/error-handler";
import { lifecyclePlugin } from "./plugins/lifecycle";
import { metricsPlugin } from "./plugins/metrics";
import { passwordSignInGate } from "./plugins/password-sign-in-gate";
import { requestLoggingPlugin } from "./plugins/request-logging";
import { securityPlugin } from "./plugins/security";
import { staffAuthPlugin } from "./plugins/staff-auth";
import { hasWebApp, isWebAppPage, webAppPlugin } from "./plugins/web-app";
import { createEncryption, type Encryption } from "./security/encryption";
import { createKeyedHash, type KeyedHash } from "./security/server-secret";
import { toFastifyTrustProxy } from "./security/trust-proxy";

declare module "fastify" {
  interface FastifyInstance {
    /** The current time: every rule that depends on the date asks this, never `new Date()`. */
    now: () => Date;
    /** HMAC under the server secret: for every hash of something guessable (security/server-secret.ts). */
    keyedHash: KeyedHash;
    /** AES-256-GCM under a key derived from the server secret: for secrets the server must read back (security/encryption.ts). */
    encryption: Encryption;
  }
}

export interface AppOptions {
  config: Pick<
    Config,
    | "env"
    | "webDistDir"
    | "trustProxy"
    | "mail"
    | "publicUrl"
    | "retentionMonths"
    | "sso"
    | "passwordSignIn"
    | "metricsToken"
  >;
  /** Starts background work (the email outbox); tests call the jobs directly instead. */
  backgroundJobs?: boolean;
  prisma: PrismaClient;
  /** The server secret, as `loadServerSecret` gives it. */
  serverSecret: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** The process logger (see logging/logger.ts); tests leave it out to stay quiet. */
  logger?: FastifyBaseLogger;
}

/** Builds the whole app (API and, when built, the web app) without listening: tests `inject` into it. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Fastify's own per-request lines include the URL as sent; ours log the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: toFastifyTrustProxy(options.config.trustProxy),
    bodyLimit: 256 * 1024,
    return503OnClosing: true,
    // A URL that cannot be decoded fails before any route: answered in the error shape too.
    frameworkErrors: sendFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("now", options.now ?? (() => new Date()));
  app.decorate("keyedHash", createKeyedHash(options.serverSecret));
  app.decorate("encryption", createEncryption(options.serverSecret));
  useKeyedHashForAuditAddresses(app.keyedHash);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandlerPlugin);
  await app.register(requestLoggingPlugin);
  await app.register(securityPlugin);
  await app.register(lifecyclePlugin);
  await app.register(databasePlugin, { prisma: options.prisma });
  await app.register(metricsPlugin, { token: options.config.metricsToken });
  await app.register(staffAuthPlugin, { env: options.config.env });
  await app.register(apiDocsPlugin);

  await app.register(apiDocsRoutes, { prefix: "/api/docs" });
  await app.register(healthRoutes, { prefix: "/api/health" });
  await app.register(catalogueRoutes, { prefix: "/api" });
  await app.register(publishedDocumentRoutes, { prefix: "/api" });
  await app.register(eligibilityRoutes, { prefix: "/api" });
  await app.register(referralRoutes, { prefix: "/api" });
  await app.register(draftRoutes, { prefix: "/api" });
  await app.register(referralStatusRoutes, { prefix: "/api" });
  await app.register(equalityRoutes, { prefix: "/api" });
  await app.register(passwordSignInGate, { passwordSignIn: options.config.passwordSignIn });
  await app.register(authRoutes, { prefix: "/api/auth" });
  await app.register(accountRoutes, { prefix: "/api/account", publicUrl: options.config.publicUrl });
  await app.register(ssoRoutes, { prefix: "/api/auth", config: options.config });
  await app.register(queueRoutes, { prefix: "/api/staff" });
  await app.register(caseViewRoutes, { prefix: "/api/staff" });
  await app.register(auditRoutes, { prefix: "/api/staff" });
  await app.register(caseChangeRoutes, { prefix: "/api/staff" });
  await app.register(staffAdminRoutes, {
    prefix: "/api/staff",
    publicUrl: options.config.publicUrl,
    passwordSignIn: options.config.passwordSignIn,
  });
  await app.register(reportsRoutes, { prefix: "/api/staff" });
  await app.register(dataProtectionRoutes, { prefix: "/api/staff" });
  await app.register(recordReferralRoutes, { prefix: "/api/staff" });
  await app.register(publishedLinkRoutes, { prefix: "/api/staff" });
  if (options.backgroundJobs)
    await app.register(backgroundJobsPlugin, {
      mail: options.config.mail,
      retentionMonths: options.config.retentionMonths,
      publicUrl: options.config.publicUrl,
    });

  const servesWebApp = hasWebApp(options.config.webDistDir);
  if (servesWebApp) await app.register(webAppPlugin, { distDir: options.config.webDistDir });

  app.setNotFoundHandler((request, reply) =>
    servesWebApp && isWebAppPage(request) ? reply.sendWebAppPage() : sendNotFound(request, reply),
  );

  return app;
}
