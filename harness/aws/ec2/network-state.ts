import type { Tag } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from '../emulator-context.ts';
import { ec2Id } from './ec2-id.ts';

/** One rule of a security group as EC2 keeps it: one peer per rule (`sgr-…`). */
export interface SecurityGroupRule {
  readonly id: string;
  readonly isEgress: boolean;
  /** `-1` (all traffic), `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number. */
  readonly protocol: string;
  /** Absent for `-1`. */
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
  readonly prefixListId?: string;
  /** The peer group of a group-to-group rule; equal to the owner for a self-reference. */
  readonly groupId?: string;
  readonly description?: string;
}

export interface VpcRecord {
  readonly id: string;
  readonly cidrBlock: string;
  readonly cidrAssociationId: string;
  readonly dhcpOptionsId: string;
  readonly mainRouteTableId: string;
  readonly defaultSecurityGroupId: string;
  readonly tags: Tag[];
}

export interface SubnetRecord {
  readonly id: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly tags: Tag[];
}

export interface SecurityGroupRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  rules: SecurityGroupRule[];
  readonly tags: Tag[];
}

export interface RouteRecord {
  readonly destinationCidrBlock?: string;
  readonly destinationPrefixListId?: string;
  /** `local`, or a gateway endpoint's `vpce-…` (its routes carry the prefix list). */
  readonly gatewayId?: string;
  readonly natGatewayId?: string;
  readonly origin: 'CreateRouteTable' | 'CreateRoute';
}

export interface RouteTableAssociation {
  readonly id: string;
  /** Absent for the main association. */
  readonly subnetId?: string;
  readonly main: boolean;
}

export interface RouteTableRecord {
  readonly id: string;
  readonly vpcId: string;
  routes: RouteRecord[];
  associations: RouteTableAssociation[];
  readonly tags: Tag[];
}

export interface VpcEndpointRecord {
  readonly id: string;
  readonly vpcId: string;
  readonly serviceName: string;
  readonly prefixListId: string;
  routeTableIds: string[];
  readonly created: Date;
  readonly tags: Tag[];
}

export interface NatGatewayRecord {
  readonly id: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly connectivityType: 'public' | 'private';
  readonly allocationId?: string;
  readonly privateIp: string;
  state: 'available' | 'deleted';
  readonly created: Date;
  deleted?: Date;
  readonly tags: Tag[];
}

/** One region's network of the emulated account (EC2 resources are regional). */
export class RegionNetwork {
  readonly vpcs = new Map<string, VpcRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  readonly securityGroups = new Map<string, SecurityGroupRecord>();
  readonly routeTables = new Map<string, RouteTableRecord>();
  readonly vpcEndpoints = new Map<string, VpcEndpointRecord>();
  readonly natGateways = new Map<string, NatGatewayRecord>();

  constructor(readonly region: string) {}

  /** The table a subnet routes by: its explicit association, else its VPC's main table. */
  routeTableOf(subnet: SubnetRecord): { table: RouteTableRecord; explicit: boolean } {
    for (const table of this.routeTables.values()) {
      if (table.associations.some((association) => association.subnetId === subnet.id)) return { table, explicit: true };
    }
    return { table: this.routeTables.get(this.vpcs.get(subnet.vpcId)!.mainRouteTableId)!, explicit: false };
  }

  /** A new security-group rule id. */
  static ruleId(): string {
    return ec2Id('sgr');
  }
}

/**
 * The emulated account's EC2 network, shared by the EC2 service (which builds it) and Glue
 * (whose TestConnection checks a connection's subnet, security groups and routes against it).
 */
export class NetworkState {
  readonly #regions = new Map<string, RegionNetwork>();

  region(name: string): RegionNetwork {
    let network = this.#regions.get(name);
    if (!network) {
      network = new RegionNetwork(name);
      this.#regions.set(name, network);
    }
    return network;
  }
}

const networks = new WeakMap<EmulatorContext, NetworkState>();

/**
 * The network of one endpoint's account. Keyed by the endpoint's context (made afresh at every
 * start), so each started endpoint is a fresh account and no other service needs to know EC2.
 */
export function networkOf(context: EmulatorContext): NetworkState {
  let network = networks.get(context);
  if (!network) {
    network = new NetworkState();
    networks.set(context, network);
  }
  return network;
}
