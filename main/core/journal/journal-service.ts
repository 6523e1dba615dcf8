import type { SessionData, SessionUpdate } from '../../../shared/domain/journal/sessions.ts';
import type { JournalStatus, SetUpInput, Site, SignedIn } from '../../../shared/domain/journal/operators.ts';
import { SITE_LIMITS } from '../../../shared/domain/journal/options.ts';
import { AuthState } from './auth/auth-state.ts';
import { requirePermission } from './auth/permissions.ts';
import { CitizenStore } from './citizens/citizen-store.ts';
import { applyKeptSiteSettings } from './hub-feed.ts';
import { localDate, refuse, type JournalContext } from './journal-context.ts';
import { OperatorStore } from './operators/operator-store.ts';
import { SiteStore } from './operators/site-store.ts';
import { DraftStore } from './sessions/draft-store.ts';
import { SessionStore } from './sessions/session-store.ts';
import { WorkshopStore } from './workshops/workshop-store.ts';

/**
 * The journal's stores and who is signed in. Handlers (handlers.ts) go through `actor()` so
 * every call but status and sign-in needs a signed-in operator, and counts as activity.
 */
export class JournalService {
  readonly context: JournalContext;
  readonly auth: AuthState;
  readonly operators: OperatorStore;
  readonly site: SiteStore;
  readonly citizens: CitizenStore;
  readonly sessions: SessionStore;
  readonly drafts: DraftStore;
  readonly workshops: WorkshopStore;

  constructor(context: JournalContext) {
    this.context = context;
    this.operators = new OperatorStore(context);
    this.site = new SiteStore(context);
    this.citizens = new CitizenStore(context);
    this.sessions = new SessionStore(context, this.citizens);
    this.drafts = new DraftStore(context);
    this.workshops = new WorkshopStore(context, this.citizens);
    this.auth = new AuthState(context.now, () => this.site.idleMinutes());
  }

  status(): JournalStatus {
    const site = this.site.find();
    return {
      setUp: site !== null && this.operators.count() > 0,
      operators: this.operators.cards().filter((card) => card.active),
      signedIn: this.auth.peek(),
      idleMinutes: site?.idleMinutes ?? SITE_LIMITS.idleMinutes.default,
      backdateDays: site?.backdateDays ?? SITE_LIMITS.backdateDays.default,
      allowMinors: site?.allowMinors ?? false,
      demo: site?.demo ?? false,
      today: localDate(this.context.now()),
    };
  }

  /** Before set-up anyone at the desk may do it (there is nobody yet); afterwards only who may. */
  requireOnceSetUp(permission: Parameters<typeof requirePermission>[1]): void {
    if (this.site.find()) this.requireCoordinatorAction(permission);
  }

  /** The operator acting now (LOCKED if none) and the site's rules. */
  actor(): { actor: SignedIn; site: Site } {
    const actor = this.auth.require();
    return { actor, site: this.site.get() };
  }

  async setUp(input: SetUpInput): Promise<SignedIn> {
    // Operators the hub's roster brought in before set-up (a desk enrolled first) have no PIN:
    // they do not make the desk set up.
    if (this.site.find() || this.operators.countWithSecret() > 0)
      throw refuse('CONFLICT', 'alreadySetUp', 'The desk is already set up');
    const { id } = await this.operators.create(input.coordinator, null);
    this.context.db().transaction(() => {
      this.site.insert(input.site, id, input.demo);
      // The organisation's settings for this site, pulled before there was a site to apply them to.
      applyKeptSiteSettings(this.context);
    })();
    const signedIn = { id, name: input.coordinator.name, role: input.coordinator.role };
    this.auth.signIn(signedIn);
    return signedIn;
  }

  async signIn(operatorId: string, secret: string): Promise<SignedIn> {
    const row = await this.operators.verify(operatorId, secret);
    const signedIn = { id: row.id, name: row.name, role: row.role };
    this.auth.signIn(signedIn);
    return signedIn;
  }

  createSession(input: SessionData) {
    const { actor, site } = this.actor();
    return this.sessions.create(input, actor, site);
  }

  updateSession(input: SessionUpdate) {
    const { actor, site } = this.actor();
    return this.sessions.update(input, actor, site);
  }

  requireCoordinatorAction(permission: Parameters<typeof requirePermission>[1]) {
    const context = this.actor();
    requirePermission(context.actor.role, permission);
    return context;
  }
}
