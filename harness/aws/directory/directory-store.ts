import { randomBytes, randomInt } from 'node:crypto';
import { InvalidOptionError } from '../../../core/errors/index.ts';

/** A directory as a test declares it: groups, and users with their password and groups. */
export interface DirectorySpec {
  groups: Array<{ name: string }>;
  users: Array<{ name: string; password: string; groups: string[] }>;
}

/** A group as Transfer sees it: its security identifier is what CreateAccess's ExternalId names. */
export interface DirectoryGroup {
  name: string;
  sid: string;
}

export interface Directory {
  directoryId: string;
  groups: DirectoryGroup[];
  users: Map<string, { password: string; groups: DirectoryGroup[] }>;
}

/**
 * AWS Directory Service directories that Transfer servers of type AWS_DIRECTORY_SERVICE log
 * users in against. The Directory Service API is not emulated: a test declares a directory's
 * users and groups (`AwsEndpoint.withDirectory()`, a scenario's `given.directories`), as an
 * administrator would have made them; group SIDs are generated like Active Directory's.
 */
export class DirectoryStore {
  readonly #directories = new Map<string, Directory>();
  // One domain part per store, as one forest would have.
  readonly #domain = `S-1-5-21-${randomInt(1e9, 4e9)}-${randomInt(1e9, 4e9)}-${randomInt(1e9, 4e9)}`;
  #nextRid = 1104;

  add(spec: DirectorySpec, directoryId = `d-${randomBytes(5).toString('hex')}`): Directory {
    if (!/^d-[0-9a-f]{10}$/.test(directoryId)) throw new InvalidOptionError(`Directory id ${directoryId} is not one AWS makes`, { fix: 'Give d- and 10 hex digits, e.g. d-1234567890, or leave it out' });
    const groups = spec.groups.map(({ name }) => ({ name, sid: `${this.#domain}-${this.#nextRid++}` }));
    const byName = new Map(groups.map((group) => [group.name.toLowerCase(), group]));
    const users = new Map<string, { password: string; groups: DirectoryGroup[] }>();
    for (const user of spec.users) {
      const memberOf = user.groups.map((name) => {
        const group = byName.get(name.toLowerCase());
        if (!group) throw new InvalidOptionError(`Directory user ${user.name} is in group ${name}, which the directory does not declare`, { fix: `Declare it in groups, or use one of: ${groups.map((g) => g.name).join(', ') || '(none)'}` });
        return group;
      });
      // Active Directory compares sAMAccountNames without regard to case.
      users.set(user.name.toLowerCase(), { password: user.password, groups: memberOf });
    }
    const directory = { directoryId, groups, users };
    this.#directories.set(directoryId, directory);
    return directory;
  }

  find(directoryId: string): Directory | undefined {
    return this.#directories.get(directoryId);
  }
}
