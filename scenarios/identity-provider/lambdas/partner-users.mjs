// A Transfer Family identity-provider Lambda as a user would write it (Node.js 20 runtime, ESM).
// Scenarios point an AWS_LAMBDA server at this file unchanged.
const USERS = {
  frank: {
    password: 'Frank-Pass-2026',
    Role: 'arn:aws:iam::000000000000:role/transfer-frank',
    HomeDirectoryType: 'LOGICAL',
    HomeDirectoryDetails: [{ Entry: '/', Target: '/partner-bucket/home/frank' }],
  },
};

export const handler = async (event) => {
  const user = USERS[event.username];
  if (!user) return {};
  // Key logins arrive without a password; this provider only does passwords.
  if (event.password === undefined || event.password !== user.password) return {};
  const { password, HomeDirectoryDetails, ...session } = user;
  return { ...session, HomeDirectoryDetails: JSON.stringify(HomeDirectoryDetails) };
};
