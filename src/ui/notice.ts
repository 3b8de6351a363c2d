/** A message above the current screen: a key of the player's texts and its values. */
export interface Notice {
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
}
