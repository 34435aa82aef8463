import type { PartnerProfile } from './partner-profile.ts';

/** One thing about the partner that is not what the saved profile says, and what to do about it. */
export interface DriftChange {
  aspect: 'host-keys' | 'algorithms' | 'ident' | 'banner' | 'auth-methods' | 'policy' | 'version' | 'tls' | 'certificate';
  /** Which one: the algorithm category, the policy name or the Glue TLS setting. */
  subject?: string;
  change: string;
  fix?: string;
}

/** What changed from `saved` to `now`, each change named with what to do. Empty: no drift. */
export function compareProfiles(saved: PartnerProfile, now: PartnerProfile): DriftChange[] {
  const changes: DriftChange[] = [];
  const savedKeys = new Map(saved.hostKeys.map((key) => [key.publicKey, key]));
  const nowKeys = new Map(now.hostKeys.map((key) => [key.publicKey, key]));
  const gone = saved.hostKeys.filter((key) => !nowKeys.has(key.publicKey));
  const added = now.hostKeys.filter((key) => !savedKeys.has(key.publicKey));
  for (const key of added) {
    const replaced = gone.find((old) => old.type === key.type);
    changes.push({
      aspect: 'host-keys',
      subject: key.type,
      change: replaced ? `the ${key.type} host key was rotated: ${replaced.fingerprint} → ${key.fingerprint}` : `a ${key.type} host key was added: ${key.fingerprint}`,
      fix: `Verify ${key.fingerprint} with the partner out of band, then add "${key.publicKey}" to the connector's TrustedHostKeys${replaced ? ' (and remove the old one once the partner confirms the rotation)' : ''}`,
    });
  }
  for (const key of gone.filter((old) => !added.some((key) => key.type === old.type))) {
    changes.push({ aspect: 'host-keys', subject: key.type, change: `the ${key.type} host key ${key.fingerprint} is gone`, fix: 'If the connector trusts only this key, TestConnection fails until it trusts one the server still holds' });
  }
  for (const category of Object.keys(saved.algorithms) as Array<keyof PartnerProfile['algorithms']>) {
    const before = saved.algorithms[category];
    const after = now.algorithms[category];
    const dropped = before.filter((name) => !after.includes(name));
    const newly = after.filter((name) => !before.includes(name));
    if (dropped.length > 0) changes.push({ aspect: 'algorithms', subject: category, change: `${category}: the server no longer offers ${dropped.join(', ')}`, fix: 'Check the policy answers below: a policy that relied on it now fails to negotiate' });
    if (newly.length > 0) changes.push({ aspect: 'algorithms', subject: category, change: `${category}: the server now also offers ${newly.join(', ')}` });
  }
  if (saved.ident !== now.ident) changes.push({ aspect: 'ident', change: `the server's ident changed: ${saved.ident ?? '(none)'} → ${now.ident ?? '(none)'}` });
  if (saved.banner !== now.banner) changes.push({ aspect: 'banner', change: `the pre-auth banner changed: ${JSON.stringify(saved.banner ?? '')} → ${JSON.stringify(now.banner ?? '')}` });
  if (saved.authMethods.join(',') !== now.authMethods.join(',')) {
    changes.push({ aspect: 'auth-methods', change: `the authentication methods changed: ${saved.authMethods.join(', ') || '(none)'} → ${now.authMethods.join(', ') || '(none)'}`, fix: 'Check the connector secret still holds a credential of a method the server takes' });
  }
  if (saved.policiesWithCredentials === now.policiesWithCredentials) {
    for (const policy of now.policies) {
      const before = saved.policies.find((old) => old.name === policy.name);
      if (!before) continue;
      if (before.status !== policy.status || before.statusMessage !== policy.statusMessage) {
        changes.push({
          aspect: 'policy',
          subject: policy.name,
          change: `TestConnection under ${policy.name} would now answer ${policy.status} "${policy.statusMessage}" (was ${before.status} "${before.statusMessage}")`,
          ...(policy.status === 'ERROR' ? { fix: 'Fix what the message names before the nightly transfer runs, or move the connector to a policy that still passes' } : {}),
        });
      }
    }
  }
  return changes;
}
