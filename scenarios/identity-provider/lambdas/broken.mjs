// A handler with the classic bug: it reads a field the event does not have.
export const handler = async (event) => {
  const domain = event.requestContext.domainName;
  return { Role: `arn:aws:iam::000000000000:role/${domain}` };
};
