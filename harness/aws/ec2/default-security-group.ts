import { ec2Id } from './ec2-id.ts';
import { RegionNetwork, type SecurityGroupRecord } from './network-state.ts';

/** A VPC's `default` group as EC2 creates it: all traffic in from members of the group, all traffic out. */
export function defaultSecurityGroup(vpcId: string): SecurityGroupRecord {
  const id = ec2Id('sg');
  return {
    id,
    name: 'default',
    description: 'default VPC security group',
    vpcId,
    rules: [
      { id: RegionNetwork.ruleId(), isEgress: false, protocol: '-1', groupId: id },
      { id: RegionNetwork.ruleId(), isEgress: true, protocol: '-1', cidrIpv4: '0.0.0.0/0' },
    ],
    tags: [],
  };
}
