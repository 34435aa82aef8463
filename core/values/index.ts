// Checks on values read from outside (JSON, YAML, environment), and making them safe to print.
export { isRecord } from './is-record.ts';
export { ansiCQuote, hasControlCharacters, printable, printableLines } from './printable.ts';
