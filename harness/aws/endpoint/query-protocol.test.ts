import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsEndpoint } from '../aws-endpoint.ts';
import type { StartedAwsEndpoint } from './started-aws-endpoint.ts';
import { rawRequest, type RawAnswer } from './testing/raw-http.ts';

let aws: StartedAwsEndpoint;

beforeAll(async () => {
  aws = await new AwsEndpoint().withLimits({ maxRequestBytes: 256 * 1024 }).start();
});

afterAll(async () => {
  await aws.stop();
});

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const SIGNED_FOR_EC2 = 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0';

function ec2(body: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return rawRequest(aws.getUrl(), { headers: { 'content-type': FORM, authorization: SIGNED_FOR_EC2, ...headers }, body });
}

const parser = new XMLParser();

/** The answer as EC2 clients read it: valid XML, the error's code and message. */
function errorOf(answer: RawAnswer): { status: number; code: string; message: string } {
  expect(XMLValidator.validate(answer.text)).toBe(true);
  expect(answer.headers['content-type']).toBe('text/xml;charset=UTF-8');
  const { Response } = parser.parse(answer.text) as { Response: { Errors: { Error: { Code: string; Message: string } }; RequestID: string } };
  expect(Response.RequestID).toBe(answer.headers['x-amzn-requestid']);
  return { status: answer.status, code: Response.Errors.Error.Code, message: String(Response.Errors.Error.Message) };
}

describe('the EC2 query protocol', () => {
  it('answers a form-encoded call in XML, in the 2016-11-15 namespace, with empty lists as empty elements', async () => {
    const answer = await ec2('Action=DescribeVpcs&Version=2016-11-15');
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<DescribeVpcsResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><vpcSet><\/vpcSet><\/DescribeVpcsResponse>$/);
  });

  it('decodes flattened lists and members by their query names, and writes lists of items', async () => {
    const vpc = parser.parse((await ec2('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.0.0.0%2F16&TagSpecification.1.ResourceType=vpc&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=a%26b')).text).CreateVpcResponse.vpc;
    expect(vpc.tagSet.item).toEqual({ key: 'Name', value: 'a&b' });
    const group = await ec2(`Action=CreateSecurityGroup&Version=2016-11-15&GroupName=g&GroupDescription=desc&VpcId=${vpc.vpcId}`);
    expect(group.status).toBe(200);
    const described = parser.parse((await ec2(`Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=${vpc.vpcId}&Filter.2.Name=tag%3AName&Filter.2.Value.1=a*`)).text);
    expect(described.DescribeVpcsResponse.vpcSet.item.vpcId).toBe(vpc.vpcId);
  });

  it.each([
    ['an unknown Action', 'Action=LaunchRockets&Version=2016-11-15', 'InvalidAction', 'The action LaunchRockets is not valid for this web service.'],
    ['an operation of another service', 'Action=TestConnection&Version=2016-11-15', 'InvalidAction', 'The action TestConnection is not valid for this web service.'],
    ['no Action', 'Version=2016-11-15', 'MissingAction', 'The request must contain the parameter Action'],
    ['no Version', 'Action=DescribeVpcs', 'MissingParameter', 'The request must contain the parameter Version'],
    ['another Version', 'Action=DescribeVpcs&Version=2099-01-01', 'NoSuchVersion', 'The requested version (2099-01-01) of service AmazonEC2 does not exist'],
    ['an unknown parameter', 'Action=DescribeVpcs&Version=2016-11-15&Colour.1=blue', 'UnknownParameter', 'The parameter Colour is not recognized'],
    ['a misspelt member', 'Action=DescribeVpcs&Version=2016-11-15&Filter.1.Nme=vpc-id', 'UnknownParameter', 'The parameter Filter.1.Nme is not recognized'],
    ['a value where a list goes', 'Action=DescribeVpcs&Version=2016-11-15&VpcId=vpc-1', 'UnknownParameter', 'The parameter VpcId is not recognized'],
    ['a non-number', 'Action=DescribeVpcs&Version=2016-11-15&MaxResults=many', 'InvalidParameterValue', 'Value (many) for parameter maxResults is invalid.'],
    ['a non-boolean', 'Action=DescribeVpcs&Version=2016-11-15&DryRun=yes', 'InvalidParameterValue', 'Value (yes) for parameter dryRun is invalid.'],
    ['a missing required member', 'Action=CreateSecurityGroup&Version=2016-11-15&GroupName=g', 'MissingParameter', 'The request must contain the parameter groupDescription'],
    ['a prototype name as Action', 'Action=constructor&Version=2016-11-15', 'InvalidAction', 'The action constructor is not valid for this web service.'],
    ['a prototype name as parameter', 'Action=DescribeVpcs&Version=2016-11-15&__proto__.x=1', 'UnknownParameter', 'The parameter __proto__ is not recognized'],
    ['broken percent escapes', 'Action=DescribeVpcs&Version=2016-11-15&%zz=%', 'UnknownParameter', 'The parameter %zz is not recognized'],
  ])('answers %s as EC2 does, with HTTP 400', async (_case, body, code, message) => {
    expect(errorOf(await ec2(body))).toEqual({ status: 400, code, message });
  });

  it('bounds a huge Filter list: 201 values are FilterLimitExceeded, and a list index of a billion costs nothing', async () => {
    const values = Array.from({ length: 201 }, (_, i) => `Filter.1.Value.${i + 1}=v${i}`).join('&');
    expect(errorOf(await ec2(`Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=vpc-id&${values}`)).code).toBe('FilterLimitExceeded');
    const sparse = await ec2('Action=DescribeVpcs&Version=2016-11-15&Filter.999999999.Name=vpc-id&Filter.999999999.Value.999999999=vpc-1');
    expect(sparse.status).toBe(200);
    const many = Array.from({ length: 5_000 }, (_, i) => `VpcId.${i + 1}=vpc-${String(i).padStart(17, '0')}`).join('&');
    expect(errorOf(await ec2(`Action=DescribeVpcs&Version=2016-11-15&${many}`)).code).toBe('InvalidVpcID.NotFound');
  });

  it('refuses a body over the limit with 413 in XML, and keeps serving', async () => {
    const answer = await ec2(`Action=DescribeVpcs&Version=2016-11-15&x=${'a'.repeat(300 * 1024)}`);
    expect(errorOf(answer)).toEqual({ status: 413, code: 'RequestEntityTooLargeException', message: 'HTTP content length exceeded 262144 bytes.' });
    expect((await ec2('Action=DescribeVpcs&Version=2016-11-15')).status).toBe(200);
  });

  it('writes characters XML cannot carry as U+FFFD, so the answer still parses', async () => {
    const vpcId = parser.parse((await ec2('Action=CreateVpc&Version=2016-11-15&CidrBlock=10.9.0.0%2F16')).text).CreateVpcResponse.vpc.vpcId;
    const created = await ec2(`Action=CreateSecurityGroup&Version=2016-11-15&GroupName=bell%07%3C%2Fx%3E&GroupDescription=d&VpcId=${vpcId}`);
    const groupId = parser.parse(created.text).CreateSecurityGroupResponse.groupId;
    const described = await ec2(`Action=DescribeSecurityGroups&Version=2016-11-15&GroupId.1=${groupId}`);
    expect(XMLValidator.validate(described.text)).toBe(true);
    expect(parser.parse(described.text).DescribeSecurityGroupsResponse.securityGroupInfo.item.groupName).toBe('bell\ufffd</x>');
  });

  it('leaves JSON calls and target-less non-form requests to the JSON protocol', async () => {
    const answer = await rawRequest(aws.getUrl(), { headers: { 'content-type': 'application/json' }, body: 'Action=DescribeVpcs' });
    expect(answer.json?.__type).toBe('UnknownOperationException');
  });
});
