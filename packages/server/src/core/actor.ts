/** Who or what caused a change, recorded on every event. */
export const ActorType = {
  shopper: 'shopper',
  staff: 'staff',
  shopBackend: 'shop_backend',
  system: 'system',
} as const;
export type ActorType = (typeof ActorType)[keyof typeof ActorType];

/** The actor of a change and, for people and keys, which one. */
export interface Actor {
  type: ActorType;
  id?: string | null;
}

export const systemActor: Actor = { type: ActorType.system };
