import { LIMITS } from '@tack/contracts';

export type Errors<K extends string> = Partial<Record<K, string>>;

export function checkEmail(email: string): string | undefined {
  const value = email.trim();
  if (!value) return 'Enter your email address.';
  if (value.length > LIMITS.emailMax || !/^[^\s@]+@[^\s@]+$/.test(value))
    return 'Enter an email address like name@example.com.';
  return undefined;
}

export function checkNewPassword(password: string): string | undefined {
  if (password.length < LIMITS.passwordMin) return `Use at least ${LIMITS.passwordMin} characters.`;
  if (password.length > LIMITS.passwordMax) return `Use at most ${LIMITS.passwordMax} characters.`;
  return undefined;
}

export function checkName(name: string): string | undefined {
  const value = name.trim();
  if (!value) return 'Enter your name.';
  if (value.length > LIMITS.nameMax) return `Use at most ${LIMITS.nameMax} characters.`;
  return undefined;
}

/** The first field (in form order) that has an error, to move focus to it. */
export function firstInvalid<K extends string>(order: readonly K[], errors: Errors<K>): K | undefined {
  return order.find((k) => errors[k]);
}
