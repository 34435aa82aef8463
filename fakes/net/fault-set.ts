import { validateFault, type NetFault } from './net-fault.ts';
import { InvalidOptionError } from '../../core/errors/index.ts';

/** One configured fault. Connections key per-fault state (byte counters, timers) on this object. */
export interface FaultEntry {
  readonly name: string;
  readonly fault: NetFault;
}

/** The ordered, named faults of one proxy; listeners hear every change. */
export class FaultSet {
  #entries: FaultEntry[] = [];
  #counter = 0;
  readonly #listeners = new Set<() => void>();

  add(fault: NetFault, options: { name?: string } = {}, where = 'addFault'): FaultEntry {
    const copy = validateFault(fault, where);
    this.#counter += 1;
    const name = options.name ?? this.#nextName(copy.kind);
    if (typeof name !== 'string' || name === '') throw new InvalidOptionError(`${where}: name must be a non-empty string, got ${JSON.stringify(name)}`);
    if (this.has(name)) throw new InvalidOptionError(`${where}: a fault named '${name}' already exists; remove it first or pick another name`);
    const entry = { name, fault: copy };
    this.#entries = [...this.#entries, entry];
    this.#notify();
    return entry;
  }

  remove(name: string): FaultEntry {
    const entry = this.#entries.find((e) => e.name === name);
    if (!entry) throw new InvalidOptionError(`removeFault: no fault named '${name}'; current: ${this.#entries.map((e) => e.name).join(', ') || '(none)'}`);
    this.#entries = this.#entries.filter((e) => e !== entry);
    this.#notify();
    return entry;
  }

  clear(): void {
    if (this.#entries.length === 0) return;
    this.#entries = [];
    this.#notify();
  }

  /** An independent copy that keeps numbering where this one is, so a builder can start many times. */
  clone(): FaultSet {
    const copy = new FaultSet();
    copy.#entries = this.#entries.map(({ name, fault }) => ({ name, fault: { ...fault } }));
    copy.#counter = this.#counter;
    return copy;
  }

  has(name: string): boolean {
    return this.#entries.some((e) => e.name === name);
  }

  /** A snapshot: callers may iterate while faults change. */
  entries(): readonly FaultEntry[] {
    return this.#entries;
  }

  some(kind: NetFault['kind']): boolean {
    return this.#entries.some((e) => e.fault.kind === kind);
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** `<kind>-<n>`, n counting every fault added, named or not. */
  #nextName(kind: string): string {
    let name = `${kind}-${this.#counter}`;
    for (let suffix = 2; this.has(name); suffix += 1) name = `${kind}-${this.#counter}-${suffix}`;
    return name;
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** The slow-close faults among `entries` and their total delay: each one adds its ms. */
export function slowClose(entries: readonly FaultEntry[]): { entries: FaultEntry[]; ms: number } {
  const slow = entries.filter((e) => e.fault.kind === 'slow-close');
  return { entries: slow, ms: slow.reduce((sum, e) => sum + (e.fault.kind === 'slow-close' ? e.fault.ms : 0), 0) };
}
