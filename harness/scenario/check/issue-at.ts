/** A problem found in a scenario, at a path into the file as parsed (`['given', 'fakes', 'sftp']`). */
export interface IssueAt {
  readonly at: readonly PropertyKey[];
  readonly message: string;
}
