import { v7 as uuidv7 } from 'uuid';

/** A new time-ordered id (UUID v7), as Prisma's `uuid(7)` default makes, for raw SQL inserts. */
export function newId(): string {
  return uuidv7();
}
