// CommonJS Lambda handler fixture for resolve-lambdas.test.ts.
module.exports.handler = async (event) => ({ Role: 'arn:aws:iam::000000000000:role/cjs', user: event.username });
