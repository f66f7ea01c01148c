import { wholeNumber } from '../number-option';
import { UsageError } from '../usage-error';

export type OptionValues = Readonly<Record<string, string | boolean | string[] | undefined>>;

/** A required `--name <value>`, or a usage error that names it. */
export function requireOption(values: OptionValues, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`${command} needs --${name} <value>`);
  return value;
}

export function optionalOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value ? value : undefined;
}

/** A non-negative whole number from `--name`, or a usage error. */
export function integerOption(values: OptionValues, name: string, command: string, required: true): number;
export function integerOption(values: OptionValues, name: string, command: string, required?: false): number | undefined;
export function integerOption(values: OptionValues, name: string, command: string, required = false): number | undefined {
  const value = required ? requireOption(values, name, command) : optionalOption(values, name);
  if (value === undefined) return undefined;
  return wholeNumber(name, value);
}

export function unknownSub(command: string, sub: string | undefined, subs: readonly string[]): never {
  throw new UsageError(`${command} ${sub ? `has no "${sub}"` : 'needs a subcommand'}: one of ${subs.join(', ')}`);
}
