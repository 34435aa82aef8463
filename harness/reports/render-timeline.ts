import { htmlEscape as escape } from './html-escape.ts';
import { isRecord } from '../../core/values/index.ts';

/** What a transcript step is about: the timeline colours its rows by it. */
type Category = 'tcp' | 'ssh' | 'sftp' | 'http' | 'db' | 'fault' | 'result' | 'other';

/** Kinds the emulator and the fakes write, with a reader's name; any other kind is shown as it is. */
const STEPS: Record<string, [label: string, category: Category]> = {
  connect: ['Connect', 'tcp'],
  'tcp-connected': ['TCP connected', 'tcp'],
  listening: ['Listening', 'tcp'],
  connection: ['TCP accepted', 'tcp'],
  disconnect: ['Disconnected', 'tcp'],
  stopped: ['Stopped', 'tcp'],
  ident: ['SSH version', 'ssh'],
  handshake: ['SSH algorithms', 'ssh'],
  'host-key': ['SSH host key', 'ssh'],
  auth: ['SSH auth attempt', 'ssh'],
  authenticated: ['SSH authenticated', 'ssh'],
  session: ['SSH session', 'ssh'],
  subsystem: ['SFTP subsystem', 'sftp'],
  sftp: ['SFTP', 'sftp'],
  'identity-provider': ['Identity provider', 'http'],
  'provider-answer': ['Provider answer', 'http'],
  request: ['HTTP request', 'http'],
  api: ['HTTP API call', 'http'],
  token: ['OAuth token', 'http'],
  'oauth2-token-request': ['OAuth token request', 'http'],
  'salesforce-api': ['HTTP API call', 'http'],
  'jdbc-login': ['JDBC login', 'db'],
  'jdbc-result': ['JDBC result', 'db'],
  engine: ['Engine', 'db'],
  started: ['Started', 'db'],
  'user-created': ['User created', 'db'],
  'database-created': ['Database created', 'db'],
  error: ['Error', 'fault'],
  fault: ['Fault', 'fault'],
  result: ['Result', 'result'],
};

/** The answers that mean a step went wrong, whatever the kind. */
const BAD_RESULTS = new Set(['rejected', 'denied', 'failed', 'failure', 'error', 'reset']);

/**
 * A transcript as a timeline, one row per step: when (ms from the transcript's start), what (TCP,
 * SSH version, each negotiated algorithm, auth attempts, SFTP operations, HTTP calls with status
 * and timing) and its details. Steps that went wrong are marked. Values are shown as recorded,
 * already redacted; every one is escaped.
 */
export function renderTimeline(title: string, entries: unknown[]): string {
  if (entries.length === 0) return '';
  // A step that is not an object (a report from elsewhere) is shown as a value of its own.
  const rows = entries.map((entry) => renderStep(isRecord(entry) ? entry : { detail: entry }));
  return `<section class="timeline"><h4>${escape(title)}</h4><ol>${rows.join('')}</ol></section>`;
}

function renderStep({ at, kind, detail }: { at?: unknown; kind?: unknown; detail?: unknown }): string {
  const name = typeof kind === 'string' ? kind : 'step';
  // The network-fault proxy in front of a fake writes its steps as `net:<kind>`.
  const proxied = name.startsWith('net:');
  const base = proxied ? name.slice(4) : name;
  const [label, category] = STEPS[base] ?? [base, 'other'];
  const fields = isRecord(detail) ? detail : detail === undefined ? {} : { value: detail };
  const bad = isBad(base, fields);
  const cls = `step ${proxied && category === 'other' ? 'fault' : category}${bad ? ' bad' : ''}`;
  const what = base === 'handshake' ? algorithms(isRecord(fields.negotiated) ? fields.negotiated : fields) : keyValues(fields);
  return `<li class="${cls}" data-kind="${escape(name)}"><span class="at">${typeof at === 'number' ? `${at} ms` : ''}</span><span class="label">${proxied ? 'Proxy: ' : ''}${escape(label)}</span><span class="what">${what}</span></li>`;
}

function isBad(kind: string, fields: Record<string, unknown>): boolean {
  if (kind === 'error' || kind === 'fault' || kind === 'fault-applied') return true;
  if (typeof fields.status === 'number' && fields.status >= 400) return true;
  if (fields.ok === false || fields.failure !== undefined) return true;
  // Every SSH client first asks with method "none" to learn the methods: a refusal there is routine.
  if (kind === 'auth' && fields.method === 'none') return false;
  return [fields.result, fields.outcome, fields.action].some((value) => typeof value === 'string' && BAD_RESULTS.has(value));
}

/** The negotiated algorithms: key exchange, host key, then cipher, MAC and compression each way. */
function algorithms(negotiated: Record<string, unknown>): string {
  const rows: string[] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(negotiated)) {
    if ((key === 'cs' || key === 'sc') && isRecord(value)) continue;
    if (key === 'kex' || key === 'serverHostKey') rows.push(row(key === 'kex' ? 'key exchange' : 'host key', value));
    else rest[key] = value;
  }
  for (const [direction, title] of [['cs', 'client→server'], ['sc', 'server→client']] as const) {
    const side = negotiated[direction];
    if (!isRecord(side)) continue;
    for (const [key, value] of Object.entries(side)) if (value !== '' && key !== 'lang') rows.push(row(`${key} ${title}`, value));
  }
  const table = rows.length > 0 ? `<table class="algos"><thead><tr><th>Algorithm</th><th>Chosen</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
  return table + keyValues(rest);
}

function row(name: string, value: unknown): string {
  return `<tr><td>${escape(name)}</td><td><code>${escape(text(value))}</code></td></tr>`;
}

function keyValues(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const shown = key === 'durationMs' && typeof value === 'number' ? `${value} ms` : text(value);
      return `<span class="kv"><span class="k">${escape(key)}</span> ${escape(shown)}</span>`;
    })
    .join(' ');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

