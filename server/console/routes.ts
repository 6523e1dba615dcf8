import {
  IssueCodeBody,
  NewAccount,
  NewOrganisation,
  NewSite,
  SaveSiteSettings,
  SignIn,
  TotpCode,
  type ConsoleSessionView,
} from '../../shared/console/protocol.ts';
import { HubFailure } from '../failure.ts';
import { parseBody } from '../routes/validate.ts';
import { FACILITA_ROUTES } from './facilita-routes.ts';
import { defineConsoleRoute, type ConsoleRequest } from './route-table.ts';
import { cookieValue, SESSION_COOKIE, sessionCookie } from './sessions.ts';

const signedIn = (request: ConsoleRequest) => {
  if (!request.account) throw new HubFailure('UNAUTHORIZED', 'Sign in first');
  return request.account;
};
const organisationOf = (request: ConsoleRequest) => request.scope.organisationId as string;

/**
 * Every console route and who may use it: the one place access is declared (the route × role test
 * walks this list). `scope` says what the `:id` names, so the check knows which organisation and
 * site a request touches before anything is read or written.
 */
export const CONSOLE_ROUTES = [
  defineConsoleRoute({
    name: 'signIn',
    method: 'POST',
    url: '/session',
    access: 'public',
    scope: 'none',
    async handle({ body, services, request, reply }) {
      const input = parseBody(SignIn, body);
      const account = await services.accounts.signIn(input.email, input.password, input.totp);
      await services.sessions.close(cookieValue(request.headers.cookie, SESSION_COOKIE));
      const session = await services.sessions.open(account.id);
      void reply.header('set-cookie', sessionCookie(session.token, request.protocol === 'https'));
      await services.audit.record(account, { organisationId: account.organisationId, action: 'signIn', target: null });
      return {
        account,
        csrfToken: session.csrfToken,
        idleMinutes: services.sessions.idleMinutes,
      } satisfies ConsoleSessionView;
    },
  }),
  defineConsoleRoute({
    name: 'session',
    method: 'GET',
    url: '/session',
    access: 'signedIn',
    scope: 'none',
    async handle(request) {
      return {
        account: signedIn(request),
        csrfToken: String(request.csrfToken),
        idleMinutes: request.services.sessions.idleMinutes,
      } satisfies ConsoleSessionView;
    },
  }),
  defineConsoleRoute({
    name: 'signOut',
    method: 'DELETE',
    url: '/session',
    access: 'signedIn',
    scope: 'none',
    async handle({ services, request, reply }) {
      await services.sessions.close(cookieValue(request.headers.cookie, SESSION_COOKIE));
      void reply.header('set-cookie', sessionCookie('', request.protocol === 'https', 0));
      return { signedOut: true };
    },
  }),
  defineConsoleRoute({
    name: 'startTotp',
    method: 'POST',
    url: '/me/totp',
    access: 'signedIn',
    scope: 'none',
    async handle(request) {
      const account = signedIn(request);
      return request.services.accounts.startTotp(account.id, account.email);
    },
  }),
  defineConsoleRoute({
    name: 'confirmTotp',
    method: 'POST',
    url: '/me/totp/confirm',
    access: 'signedIn',
    scope: 'none',
    async handle(request) {
      return request.services.accounts.confirmTotp(signedIn(request).id, parseBody(TotpCode, request.body).code);
    },
  }),
  defineConsoleRoute({
    name: 'listOrganisations',
    method: 'GET',
    url: '/organisations',
    access: 'signedIn',
    scope: 'none',
    async handle(request) {
      const account = signedIn(request);
      const all = await request.services.admin.listOrganisations();
      return account.role === 'hubAdmin' ? all : all.filter((row) => row.id === account.organisationId);
    },
  }),
  defineConsoleRoute({
    name: 'createOrganisation',
    method: 'POST',
    url: '/organisations',
    access: 'hubAdmin',
    scope: 'none',
    async handle({ body, services, auditDetails }) {
      const created = await services.admin.createOrganisation(parseBody(NewOrganisation, body).name);
      auditDetails['organisationId'] = created.id;
      return created;
    },
  }),
  defineConsoleRoute({
    name: 'listSites',
    method: 'GET',
    url: '/organisations/:id/sites',
    access: 'manage',
    scope: 'organisation',
    handle: (request) => request.services.sites.list(organisationOf(request)),
  }),
  defineConsoleRoute({
    name: 'createSite',
    method: 'POST',
    url: '/organisations/:id/sites',
    access: 'manage',
    scope: 'organisation',
    async handle(request) {
      const created = await request.services.admin.createSite(
        organisationOf(request),
        parseBody(NewSite, request.body).name,
      );
      request.auditDetails['siteId'] = created.id;
      return created;
    },
  }),
  defineConsoleRoute({
    name: 'site',
    method: 'GET',
    url: '/sites/:id',
    access: 'read',
    scope: 'site',
    handle: ({ services, id }) => services.sites.get(id),
  }),
  defineConsoleRoute({
    name: 'saveSiteSettings',
    method: 'PUT',
    url: '/sites/:id/settings',
    access: 'manage',
    scope: 'site',
    async handle({ services, id, body, auditDetails }) {
      const input = parseBody(SaveSiteSettings, body);
      const saved = await services.sites.save(id, input.settings, input.cursor);
      auditDetails['fields'] = Object.keys(saved.settings);
      return saved;
    },
  }),
  defineConsoleRoute({
    name: 'listDesks',
    method: 'GET',
    url: '/organisations/:id/desks',
    access: 'manage',
    scope: 'organisation',
    handle: (request) => request.services.admin.listDesks(organisationOf(request)),
  }),
  defineConsoleRoute({
    name: 'listSiteDesks',
    method: 'GET',
    url: '/sites/:id/desks',
    access: 'read',
    scope: 'site',
    async handle(request) {
      const desks = await request.services.admin.listDesks(organisationOf(request));
      return desks.filter((desk) => desk.siteId === request.id);
    },
  }),
  defineConsoleRoute({
    name: 'revokeDesk',
    method: 'POST',
    url: '/desks/:id/revoke',
    access: 'manage',
    scope: 'desk',
    handle: ({ services, id }) => services.admin.revokeDesk(id),
  }),
  defineConsoleRoute({
    name: 'unrevokeDesk',
    method: 'POST',
    url: '/desks/:id/unrevoke',
    access: 'manage',
    scope: 'desk',
    handle: ({ services, id }) => services.admin.unrevokeDesk(id),
  }),
  defineConsoleRoute({
    name: 'listCodes',
    method: 'GET',
    url: '/organisations/:id/codes',
    access: 'manage',
    scope: 'organisation',
    handle: (request) => request.services.admin.listCodes(organisationOf(request)),
  }),
  defineConsoleRoute({
    name: 'issueCode',
    method: 'POST',
    url: '/sites/:id/codes',
    access: 'manage',
    scope: 'site',
    async handle({ services, id, body, auditDetails }) {
      const issued = await services.admin.issueCode(id, parseBody(IssueCodeBody, body ?? {}).ttlMinutes);
      auditDetails['codeId'] = issued.id;
      return issued;
    },
  }),
  defineConsoleRoute({
    name: 'revokeCode',
    method: 'POST',
    url: '/codes/:id/revoke',
    access: 'manage',
    scope: 'code',
    handle: ({ services, id }) => services.admin.revokeCode(id),
  }),
  defineConsoleRoute({
    name: 'listAccounts',
    method: 'GET',
    url: '/organisations/:id/accounts',
    access: 'manage',
    scope: 'organisation',
    handle: (request) => request.services.accounts.list(organisationOf(request)),
  }),
  defineConsoleRoute({
    name: 'createAccount',
    method: 'POST',
    url: '/organisations/:id/accounts',
    access: 'manage',
    scope: 'organisation',
    async handle(request) {
      const input = parseBody(NewAccount, request.body);
      const organisationId = organisationOf(request);
      if (input.role === 'hubAdmin')
        throw new HubFailure('VALIDATION', 'Hub admins are created on the command line', [
          { path: 'role', message: 'not here' },
        ]);
      const siteId = input.role === 'siteCoordinator' ? (input.siteId ?? null) : null;
      if (input.role === 'siteCoordinator') {
        const sites = await request.services.sites.list(organisationId);
        if (!sites.some((site) => site.id === siteId))
          throw new HubFailure('VALIDATION', 'Choose a site of this organisation', [
            { path: 'siteId', message: 'site' },
          ]);
      }
      const created = await request.services.accounts.create({ ...input, organisationId, siteId });
      request.auditDetails['accountId'] = created.id;
      request.auditDetails['role'] = created.role;
      return created;
    },
  }),
  defineConsoleRoute({
    name: 'audit',
    method: 'GET',
    url: '/organisations/:id/audit',
    access: 'manage',
    scope: 'organisation',
    handle: (request) => request.services.audit.list(organisationOf(request)),
  }),
  ...FACILITA_ROUTES,
] as const;
