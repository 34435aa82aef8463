import { defineMessages } from '../messages/define-messages.ts';

/**
 * EC2's texts for the network calls the emulator serves. Kept beside the service (its own ids,
 * `ec2.*`) while the shared catalogue files are being reworked; AwsEndpoint loads every service's
 * entries into one catalogue, so overrides and reports treat them like the rest.
 */
const ISSUE = 'https://github.com/';
export const ec2Messages = defineMessages([
  { id: 'ec2.missing-parameter', text: 'The request must contain the parameter {name}', provenance: 'observed', source: `${ISSUE}prabhatsharma/kubernetes-the-hard-way-aws/issues/5 (MissingParameter, CreateRoute)` },
  { id: 'ec2.id.malformed', text: 'Invalid id: "{id}"', provenance: 'observed', source: `${ISSUE}terraform-linters/tflint/pull/90 (InvalidRouteTableId.Malformed)` },
  { id: 'ec2.filter.invalid', text: "The filter '{name}' is invalid", provenance: 'inferred', source: 'EC2 answers InvalidParameterValue for an unknown filter name; text inferred' },
  { id: 'ec2.filter.limit', text: 'The maximum number of filter values specified on a single call is {max}', provenance: 'inferred', source: 'EC2 error code FilterLimitExceeded (EC2 API reference, error codes); text inferred' },
  { id: 'ec2.cidr.malformed', text: 'Value ({cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.', provenance: 'inferred', source: `Form of ${ISSUE}kz8s/tack/issues/67 ("Value (…) for parameter availabilityZone is invalid. …"); detail inferred` },
  { id: 'ec2.vpc.not-found', text: "The vpc ID '{vpcId}' does not exist", provenance: 'observed', source: `${ISSUE}hashicorp/terraform-aws-consul/issues/29 (InvalidVpcID.NotFound)` },
  { id: 'ec2.vpc.range', text: "The CIDR '{cidr}' is invalid.", provenance: 'inferred', source: `InvalidVpc.Range; the text is InvalidSubnet.Range's (${ISSUE}pulumi/pulumi-awsx/issues/111)` },
  { id: 'ec2.vpc.missing-cidr', text: "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.", provenance: 'inferred', source: 'CreateVpc needs a CIDR block or an IPAM pool (EC2 API reference); text inferred' },
  { id: 'ec2.vpc.dependency', text: "The vpc '{vpcId}' has dependencies and cannot be deleted.", provenance: 'observed', source: `${ISSUE}binlab/terraform-aws-vault-ha-raft/issues/57 (DependencyViolation)` },
  { id: 'ec2.subnet.not-found', text: "The subnet ID '{subnetId}' does not exist", provenance: 'observed', source: `${ISSUE}jschementi/riker/issues/42 (InvalidSubnetID.NotFound)` },
  { id: 'ec2.subnet.range', text: "The CIDR '{cidr}' is invalid.", provenance: 'observed', source: `${ISSUE}pulumi/pulumi-awsx/issues/111 (InvalidSubnet.Range)` },
  { id: 'ec2.subnet.conflict', text: "The CIDR '{cidr}' conflicts with another subnet", provenance: 'observed', source: `${ISSUE}kubernetes/kops/issues/2376 (InvalidSubnet.Conflict)` },
  {
    id: 'ec2.subnet.availability-zone',
    text: 'Value ({zone}) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: {zones}.',
    provenance: 'observed',
    source: `${ISSUE}kz8s/tack/issues/67 and ${ISSUE}crossplane-contrib/provider-aws/issues/1048 (InvalidParameterValue)`,
  },
  { id: 'ec2.subnet.dependency', text: "The subnet '{subnetId}' has dependencies and cannot be deleted.", provenance: 'observed', source: `${ISSUE}terraform-aws-modules/terraform-aws-vpc/issues/1081 (DependencyViolation)` },
  { id: 'ec2.security-group.not-found', text: "The security group '{groupId}' does not exist", provenance: 'observed', source: `${ISSUE}boto/boto3/issues/701 (InvalidGroup.NotFound)` },
  { id: 'ec2.security-group.duplicate', text: "The security group '{groupName}' already exists for VPC '{vpcId}'", provenance: 'observed', source: `${ISSUE}hashicorp/terraform/issues/15428 (InvalidGroup.Duplicate)` },
  { id: 'ec2.security-group.dependency', text: 'resource {groupId} has a dependent object', provenance: 'observed', source: `${ISSUE}aws/aws-cdk/issues/14456 (DependencyViolation)` },
  { id: 'ec2.security-group.default', text: 'the specified group: "{groupId}" name: "default" cannot be deleted by a user', provenance: 'inferred', source: 'CannotDelete for a VPC\'s default group; text from memory of EC2 answers, not found in a source' },
  { id: 'ec2.security-group.reserved-name', text: 'Cannot use reserved security group name: default', provenance: 'inferred', source: 'EC2 reserves the name default for the VPC\'s own group; text inferred' },
  { id: 'ec2.security-group.no-default-vpc', text: 'No default VPC for this user', provenance: 'inferred', source: `Error code VPCIdNotSpecified (${ISSUE}ttlequals0/autovpn/issues/36); the emulated account has no default VPC; text inferred` },
  {
    id: 'ec2.permission.duplicate',
    text: 'the specified rule "peer: {peer}, {protocol}, ALLOW" already exists',
    provenance: 'observed',
    source: `${ISSUE}ansible/ansible/issues/19759 ("peer: sg-…, TCP, from port: 0, to port: 65535, ALLOW") and ${ISSUE}lucidsoftware/cumulus/issues/101 ("peer: 0.0.0.0/0, ALL, ALLOW") (InvalidPermission.Duplicate)`,
  },
  { id: 'ec2.permission.not-found', text: 'The specified rule does not exist in this security group.', provenance: 'inferred', source: 'InvalidPermission.NotFound (EC2 API reference, error codes); text inferred' },
  { id: 'ec2.permission.no-peer', text: 'The request must specify a peer for each rule: IpRanges, Ipv6Ranges, PrefixListIds or UserIdGroupPairs', provenance: 'inferred', source: 'InvalidParameterValue; text inferred' },
  { id: 'ec2.permission.port-range', text: 'Invalid value for portRange. Must specify both from and to ports with TCP/UDP.', provenance: 'inferred', source: 'InvalidParameterValue; text from memory of EC2 answers, not found in a source' },
  { id: 'ec2.permission.protocol', text: "Invalid value '{protocol}' for IP protocol. Unknown protocol.", provenance: 'inferred', source: 'InvalidParameterValue; text inferred' },
  { id: 'ec2.route-table.not-found', text: "The routeTable ID '{routeTableId}' does not exist", provenance: 'observed', source: `${ISSUE}C2Devel/terraform-examples/issues/8 (AWS's answer quoted there: InvalidRouteTableID.NotFound)` },
  { id: 'ec2.route-table.dependency', text: "The routeTable '{routeTableId}' has dependencies and cannot be deleted.", provenance: 'inferred', source: 'DependencyViolation; form of the observed vpc and subnet texts' },
  { id: 'ec2.route-table.associated', text: 'the specified association for route table {routeTableId} conflicts with an existing association', provenance: 'inferred', source: 'Resource.AlreadyAssociated; text inferred' },
  { id: 'ec2.route-table.other-vpc', text: 'Route table {routeTableId} and subnet {subnetId} belong to different networks.', provenance: 'inferred', source: 'InvalidParameterValue; text inferred' },
  { id: 'ec2.association.not-found', text: "The association ID '{associationId}' does not exist", provenance: 'inferred', source: 'InvalidAssociationID.NotFound; form of the observed not-found texts' },
  { id: 'ec2.route.exists', text: 'The route identified by {destination} already exists.', provenance: 'inferred', source: 'RouteAlreadyExists (EC2 API reference, error codes); text inferred' },
  { id: 'ec2.route.target', text: 'The request must contain exactly one of gatewayId or natGatewayId', provenance: 'inferred', source: 'InvalidParameterCombination; the emulator routes to gateway endpoints and NAT gateways only; text inferred' },
  { id: 'ec2.gateway.not-found', text: "The gateway ID '{gatewayId}' does not exist", provenance: 'observed', source: `${ISSUE}devopsacademyau/academy/pull/906 (InvalidGatewayID.NotFound)` },
  { id: 'ec2.nat-gateway.not-found', text: 'NAT gateway {natGatewayId} was not found', provenance: 'observed', source: `${ISSUE}gruntwork-io/cloud-nuke/issues/292 and ${ISSUE}kubernetes/kops/issues/1846 (NatGatewayNotFound)` },
  { id: 'ec2.vpc-endpoint.not-found', text: "The Vpc Endpoint Id '{vpcEndpointId}' does not exist", provenance: 'inferred', source: 'InvalidVpcEndpointId.NotFound (EC2 API reference, error codes); text inferred' },
  { id: 'ec2.vpc-endpoint.service', text: "The Vpc Endpoint Service '{serviceName}' does not exist", provenance: 'inferred', source: 'InvalidServiceName (EC2 API reference, error codes); text inferred' },
  {
    id: 'ec2.vpc-endpoint.type',
    text: 'partner-harness emulates Gateway VPC endpoints (com.amazonaws.<region>.s3 and .dynamodb), not {type} endpoints',
    provenance: 'harness',
    source: 'Harness limitation: only gateway endpoints change routing, which is what Glue checks',
  },
]);

export type Ec2MessageId = (typeof ec2Messages)[number]['id'];
