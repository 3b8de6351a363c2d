import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyActorRef, Subscription } from 'xstate';

/**
 * Re-renders its host on every snapshot of an actor; the actor stays the single source of state.
 * One controller per host, created as a field: a new actor replaces the one it watches.
 */
export class ActorController<A extends AnyActorRef> implements ReactiveController {
  #actor: A | null = null;
  #subscription?: Subscription;
  #connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get actor(): A | null {
    return this.#actor;
  }

  /** Watches `actor` instead of the one before, and re-renders. */
  set actor(actor: A) {
    this.#subscription?.unsubscribe();
    this.#actor = actor;
    if (this.#connected) this.#subscribe();
    this.host.requestUpdate();
  }

  get snapshot(): ReturnType<A['getSnapshot']> | null {
    return (this.#actor?.getSnapshot() as ReturnType<A['getSnapshot']> | undefined) ?? null;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscription?.unsubscribe();
  }

  #subscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = this.#actor?.subscribe(() => this.host.requestUpdate());
  }
}
