import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyActorRef, Subscription } from 'xstate';

/** Re-renders its host on every snapshot of an actor; the actor stays the single source of state. */
export class ActorController<A extends AnyActorRef> implements ReactiveController {
  #subscription?: Subscription;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly actor: A,
  ) {
    host.addController(this);
  }

  get snapshot(): ReturnType<A['getSnapshot']> {
    return this.actor.getSnapshot() as ReturnType<A['getSnapshot']>;
  }

  hostConnected(): void {
    this.#subscription = this.actor.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#subscription?.unsubscribe();
  }
}
