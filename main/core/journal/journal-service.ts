import type {
  JournalStatus,
  RosterSetUpInput,
  SetUpInput,
  SignedIn,
} from '../../../shared/domain/journal/operators.ts';
import { SITE_LIMITS } from '../../../shared/domain/journal/options.ts';
import { AuthState } from './auth/auth-state.ts';
import { CitizenStore } from './citizens/citizen-store.ts';
import { applyKeptSiteSettings } from './hub-feed.ts';
import { refuseDemoWhenEnrolled } from './demo/demo-records.ts';
import { localDate, refuse, type JournalContext } from './journal-context.ts';
import { organisationView, refuseHubOwnedChanges } from './operators/hub-site.ts';
import { OperatorStore } from './operators/operator-store.ts';
import { SiteStore } from './operators/site-store.ts';
import { DraftStore } from './sessions/draft-store.ts';
import { SessionStore } from './sessions/session-store.ts';
import { WorkshopRoster } from './workshops/workshop-roster.ts';
import { WorkshopStore } from './workshops/workshop-store.ts';

/**
 * The journal's stores and who is signed in. Who may call what is each method's declared access,
 * enforced by the dispatcher through `auth` (main/core/rpc/README.md); a call that needs sign-in
 * counts as activity.
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
  readonly roster: WorkshopRoster;

  constructor(context: JournalContext) {
    this.context = context;
    this.operators = new OperatorStore(context);
    this.site = new SiteStore(context);
    this.citizens = new CitizenStore(context);
    this.sessions = new SessionStore(context, this.citizens);
    this.drafts = new DraftStore(context);
    this.workshops = new WorkshopStore(context, this.citizens);
    this.roster = new WorkshopRoster(context, this.citizens, this.workshops);
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

  async setUp(input: SetUpInput): Promise<SignedIn> {
    this.#refuseIfSetUp();
    if (input.demo) refuseDemoWhenEnrolled(this.context.db());
    // Typing a name would make a second coordinator beside the one the organisation has.
    if (organisationView(this.context).coordinators.length > 0)
      throw refuse('CONFLICT', 'rosterCoordinator', "Pick the coordinator from the organisation's roster");
    refuseHubOwnedChanges(this.context, input.site, 'site.');
    const { id } = await this.operators.create(input.coordinator, null);
    this.#insertSite(input.site, id, input.demo);
    return this.#signInAs({ id, name: input.coordinator.name, role: input.coordinator.role });
  }

  /**
   * Set-up on a desk enrolled first: the coordinator is one of the hub's roster (no second one is
   * made); this desk only sets their Facilita identity and PIN, and activates them.
   */
  async setUpFromRoster(input: RosterSetUpInput): Promise<SignedIn> {
    this.#refuseIfSetUp();
    const { coordinator } = input;
    if (!organisationView(this.context).coordinators.some((entry) => entry.id === coordinator.operatorId))
      throw refuse('NOT_FOUND', 'notInRoster', "Not one of the roster's coordinators");
    refuseHubOwnedChanges(this.context, input.site, 'site.');
    const current = this.operators.get(coordinator.operatorId);
    const row = await this.operators.update(
      {
        id: current.id,
        baseVersion: current.version,
        name: current.name,
        role: 'coordinator',
        facilitaId: coordinator.facilitaId,
        facilitaName: coordinator.facilitaName,
        active: true,
        secretKind: coordinator.secretKind,
        secret: coordinator.secret,
      },
      current.id,
    );
    this.#insertSite(input.site, row.id, false);
    return this.#signInAs({ id: row.id, name: row.name, role: row.role });
  }

  // Operators the hub's roster brought in before set-up (a desk enrolled first) have no PIN:
  // they do not make the desk set up.
  #refuseIfSetUp(): void {
    if (this.site.find() || this.operators.countWithSecret() > 0)
      throw refuse('CONFLICT', 'alreadySetUp', 'The desk is already set up');
  }

  #insertSite(site: SetUpInput['site'], actorId: string, demo: boolean): void {
    this.context.db().transaction(() => {
      this.site.insert(site, actorId, demo);
      // The organisation's settings for this site, pulled before there was a site to apply them to.
      applyKeptSiteSettings(this.context);
    })();
  }

  #signInAs(signedIn: SignedIn): SignedIn {
    this.auth.signIn(signedIn);
    return signedIn;
  }

  async signIn(operatorId: string, secret: string): Promise<SignedIn> {
    const row = await this.operators.verify(operatorId, secret);
    const signedIn = { id: row.id, name: row.name, role: row.role };
    this.auth.signIn(signedIn);
    return signedIn;
  }
}
