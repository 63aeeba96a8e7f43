import { hash, verify } from "@node-rs/argon2";

/** Argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/**
 * Password rules: at least 10 characters from at least three of the four classes
 * (lower case, upper case, digits, symbols). Returns the problems in Chinese; empty when valid.
 */
export function passwordProblems(password: string, minLength = 10): string[] {
  const problems: string[] = [];
  if (password.length < minLength) problems.push(`长度至少 ${minLength} 位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push("须包含大写字母、小写字母、数字、符号中的至少三类");
  return problems;
}
