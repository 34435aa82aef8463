/** The last lines an engine printed, to explain a failed start. */
export class LogTail {
  readonly #lines: string[] = [];
  #partial = '';

  constructor(readonly limit = 40) {}

  push(chunk: string): void {
    const lines = (this.#partial + chunk).split(/\r?\n/);
    this.#partial = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') this.#add(line);
  }

  /** The tail with every secret replaced, so it can go into Errors and transcripts. */
  lines(secrets: readonly string[] = []): string[] {
    const all = this.#partial.trim() === '' ? [...this.#lines] : [...this.#lines, this.#partial];
    return all.map((line) => redact(line, secrets));
  }

  includes(text: string): boolean {
    return this.#lines.some((line) => line.includes(text)) || this.#partial.includes(text);
  }

  #add(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.limit) this.#lines.shift();
  }
}

export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret !== '') result = result.split(secret).join('***');
  return result;
}
