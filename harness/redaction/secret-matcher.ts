/**
 * Finds every occurrence of any of a set of secrets in one pass over a text (Aho–Corasick over
 * UTF-16 code units), so masking costs time linear in the text whatever the number of secrets.
 * Built once per set of secrets; building costs their total length.
 *
 * What is masked is every character that lies inside an occurrence of any secret, each run of
 * overlapping occurrences becoming one mask. Where secrets nest (a PEM key and its lines, a
 * password inside a longer one) that is exactly "longest secret first"; where two occurrences
 * only partly overlap it masks both whole, so neither leaks a fragment.
 */
export class SecretMatcher {
  readonly #next = new EdgeTable();
  readonly #fail: number[] = [0];
  /** Children as linked lists (first child, next sibling, the code unit leading in): no array per state. */
  readonly #firstChild: number[] = [-1];
  readonly #sibling: number[] = [-1];
  readonly #codeIn: number[] = [0];
  /** Length of the longest secret that is a suffix of the state's string; 0 for none. */
  readonly #longest: number[] = [0];

  constructor(secrets: Iterable<string>) {
    for (const secret of secrets) if (secret.length > 0) this.#insert(secret);
    this.#link();
  }

  get isEmpty(): boolean {
    return this.#firstChild[0] === -1;
  }

  /** `text` with each run of overlapping secret occurrences replaced by `mask`. */
  mask(text: string, mask: string): string {
    if (this.isEmpty) return text;
    const ranges = this.ranges(text);
    if (ranges.length === 0) return text;
    let out = '';
    let from = 0;
    for (const [start, end] of ranges) {
      out += text.slice(from, start) + mask;
      from = end;
    }
    return out + text.slice(from);
  }

  /** Half-open `[start, end)` ranges covered by secrets, ascending, overlapping ones merged. */
  ranges(text: string): Array<[number, number]> {
    const ranges: Array<[number, number]> = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let target = this.#next.get(state, code);
      while (target === -1 && state !== 0) {
        state = this.#fail[state]!;
        target = this.#next.get(state, code);
      }
      state = target === -1 ? 0 : target;
      const length = this.#longest[state]!;
      if (length === 0) continue;
      let start = i + 1 - length;
      while (ranges.length > 0 && ranges[ranges.length - 1]![1] > start) start = Math.min(start, ranges.pop()![0]);
      ranges.push([start, i + 1]);
    }
    return ranges;
  }

  #insert(secret: string): void {
    let state = 0;
    for (let i = 0; i < secret.length; i++) {
      const code = secret.charCodeAt(i);
      let child = this.#next.get(state, code);
      if (child === -1) {
        child = this.#fail.length;
        this.#next.set(state, code, child);
        this.#fail.push(0);
        this.#longest.push(0);
        this.#codeIn.push(code);
        this.#firstChild.push(-1);
        this.#sibling.push(this.#firstChild[state]!);
        this.#firstChild[state] = child;
      }
      state = child;
    }
    this.#longest[state] = secret.length;
  }

  /** Failure links breadth-first, so a state's link and its link's longest suffix are known first. */
  #link(): void {
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (let child = this.#firstChild[state]!; child !== -1; child = this.#sibling[child]!) {
        const code = this.#codeIn[child]!;
        let fallback = this.#fail[state]!;
        while (fallback !== 0 && this.#next.get(fallback, code) === -1) fallback = this.#fail[fallback]!;
        const found = this.#next.get(fallback, code);
        const target = state === 0 || found === -1 ? 0 : found;
        this.#fail[child] = target;
        if (this.#longest[child] === 0) this.#longest[child] = this.#longest[target]!;
        queue.push(child);
      }
    }
  }
}

/** Trie edges `(state, code unit) → state` in one open-addressing table of typed arrays. */
class EdgeTable {
  #states = new Int32Array(1024).fill(-1);
  #codes = new Uint16Array(1024);
  #targets = new Int32Array(1024);
  #size = 0;

  /** The target state, or -1 for no edge. */
  get(state: number, code: number): number {
    const mask = this.#states.length - 1;
    for (let slot = hash(state, code) & mask; ; slot = (slot + 1) & mask) {
      const found = this.#states[slot]!;
      if (found === -1) return -1;
      if (found === state && this.#codes[slot] === code) return this.#targets[slot]!;
    }
  }

  set(state: number, code: number, target: number): void {
    if ((this.#size + 1) * 2 > this.#states.length) this.#grow();
    const mask = this.#states.length - 1;
    let slot = hash(state, code) & mask;
    while (this.#states[slot] !== -1) slot = (slot + 1) & mask;
    this.#states[slot] = state;
    this.#codes[slot] = code;
    this.#targets[slot] = target;
    this.#size++;
  }

  #grow(): void {
    const [states, codes, targets] = [this.#states, this.#codes, this.#targets];
    this.#states = new Int32Array(states.length * 2).fill(-1);
    this.#codes = new Uint16Array(states.length * 2);
    this.#targets = new Int32Array(states.length * 2);
    this.#size = 0;
    for (let slot = 0; slot < states.length; slot++) {
      if (states[slot] !== -1) this.set(states[slot]!, codes[slot]!, targets[slot]!);
    }
  }
}

/** A mixed 32-bit hash (murmur3's finaliser), so sequential states do not cluster in the probes. */
function hash(state: number, code: number): number {
  let h = Math.imul(state, 0x9e3779b1) ^ code;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
