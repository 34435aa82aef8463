// ESM Lambda handler fixture for resolve-lambdas.test.ts.
export const handler = async (event) => ({ Role: 'arn:aws:iam::000000000000:role/esm', user: event.username });

export async function authorize(event) {
  return { Role: 'arn:aws:iam::000000000000:role/authorize', user: event.username };
}
