// Laravel-style request validation for the Agora backend: the same field errors, word for word, that its
// 422 answers carry. Like Laravel's TrimStrings and ConvertEmptyStringsToNull middleware, a blank string counts
// as missing.
import { isObject } from './context';

export interface FieldRule {
  field: string;
  required?: boolean;
  /** Laravel's `max:N` on a string. */
  max?: number;
  /** The uid rule: a string made only of digits. */
  digits?: boolean;
}

export interface Validated {
  values: Record<string, string | undefined>;
  errors: Record<string, string[]>;
}

/** `channel_name` → `channel name`, the attribute name Laravel puts in its messages. */
const label = (field: string): string => field.replace(/_/g, ' ');

export function validate(body: unknown, rules: FieldRule[]): Validated {
  // A malformed or non-object JSON body reaches here as undefined: Laravel sees empty input and says what is required.
  const input = isObject(body) ? body : {};
  const values: Record<string, string | undefined> = {};
  const errors: Record<string, string[]> = {};
  for (const rule of rules) {
    const raw = input[rule.field];
    const value = typeof raw === 'string' ? raw.trim() : raw;
    const name = label(rule.field);
    const fail = (message: string) => (errors[rule.field] ??= []).push(message);
    if (value === undefined || value === null || value === '') {
      if (rule.required) fail(`The ${name} field is required.`);
      continue;
    }
    if (rule.digits) {
      if (typeof value !== 'string' || !/^\d+$/.test(value)) fail(`The ${name} must be a string of digits.`);
    } else if (typeof value !== 'string') {
      fail(`The ${name} must be a string.`);
    }
    if (typeof value === 'string' && rule.max !== undefined && value.length > rule.max) {
      fail(`The ${name} may not be greater than ${rule.max} characters.`);
    }
    if (!errors[rule.field]) values[rule.field] = value as string;
  }
  return { values, errors };
}
