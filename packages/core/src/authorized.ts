declare const authorizedBrand: unique symbol;

/**
 * Proof that an actor may act on a value. Only the authorisation functions in this module
 * (and the server's auth layer, via `authorizeSelf`) create it; mutating services accept
 * nothing else, so an unauthorised write does not type-check.
 */
export type Authorized<T> = T & { readonly [authorizedBrand]: true };

export interface Actor {
  readonly userId: string;
}

/** The person acting on their own account. */
export function authorizeSelf<T extends Actor>(actor: T): Authorized<T> {
  return actor as Authorized<T>;
}

/** A resource the actor owns: the repository loaded it with the owner's id in the query. */
export function authorizeOwned<T extends { userId: string }>(actor: Actor, resource: T): Authorized<T> | null {
  return resource.userId === actor.userId ? (resource as Authorized<T>) : null;
}
