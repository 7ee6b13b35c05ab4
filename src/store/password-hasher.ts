import { Algorithm, hash, verify } from '@node-rs/argon2';

/** Hashes and checks passwords; the one place that knows the algorithm. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): the @node-rs/argon2 defaults. */
export function argon2idHasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, { algorithm: Algorithm.Argon2id }),
    verify: async (digest, password) => {
      try {
        return await verify(digest, password);
      } catch {
        return false;
      }
    },
  };
}
